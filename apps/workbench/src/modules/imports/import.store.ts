import type { ImportView } from '@golddesk/contracts';
import { createStore } from '../../platform/store';

/** Imports seen in this tab by id, fed by `import.progressed` frames and by polling. */
export const importStore = createStore<Record<string, ImportView>>({});

/** Keeps the furthest state of an import: a late poll answer never moves the bar backwards. */
export function putImport(view: ImportView): void {
  const known = importStore.get()[view.id];
  if (known && known.status !== 'running' && view.status === 'running') return;
  if (known && view.status === 'running' && known.processed > view.processed) return;
  importStore.set({ ...importStore.get(), [view.id]: view });
}
