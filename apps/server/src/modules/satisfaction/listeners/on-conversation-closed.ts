import type { AppContext } from '../../../platform/app-context.js';
import type { JobQueue } from '../../../platform/jobs/index.js';
import { inviteOnCloseJob } from '../jobs/satisfaction.jobs.js';

/**
 * 结束 → the rating invitation. Every process hears conversation.closed, so each only enqueues the job under one key
 * per closing; the job (and the unique session key) keeps it to one invitation. A closing whose event was lost is
 * found by the idle sweep. Returns the way to stop listening.
 */
export function listenForClosings(app: AppContext, queue: JobQueue): () => void {
  return app.bus.subscribe((event) => {
    if (event.type !== 'conversation.closed') return;
    const { shopId, conversationId, closedAt } = event;
    void queue
      .enqueue(
        inviteOnCloseJob,
        { shopId, conversationId, closedAt },
        { key: `satisfaction-close:${conversationId}:${closedAt}` },
      )
      .catch((err: unknown) => app.log.warn({ err }, 'enqueueing the rating invitation failed'));
  });
}
