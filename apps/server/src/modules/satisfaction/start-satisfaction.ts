import type { AppContext } from '../../platform/app-context.js';
import type { JobQueue } from '../../platform/jobs/index.js';
import { listenForClosings } from './listeners/on-conversation-closed.js';

/** Starts inviting on 结束 (the idle sweep is a schedule of the job runtime). Returns the way to stop. */
export function startSatisfaction(app: AppContext, queue: JobQueue): () => void {
  return listenForClosings(app, queue);
}
