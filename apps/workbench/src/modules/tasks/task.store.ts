import type { TaskView } from '@golddesk/contracts';
import { createStore, useStore } from '../../platform/store';

/**
 * The last task created or changed (a `task.updated` frame or a completion): inboxes re-read their list when it
 * changes, since whether a new task belongs in "mine" is the server's call (person, role inbox).
 */
const lastChangeStore = createStore<{ task: TaskView | null; seq: number }>({ task: null, seq: 0 });

export function putTask(task: TaskView): void {
  lastChangeStore.set((state) => ({ task, seq: state.seq + 1 }));
}

/** Increases with every task change (0 before any). */
export function useTaskChanges(): number {
  return useStore(lastChangeStore, (state) => state.seq);
}
