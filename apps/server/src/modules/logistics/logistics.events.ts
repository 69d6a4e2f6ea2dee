import type { AppContext } from '../../platform/app-context.js';
import { findException } from './exception.repository.js';

/** Work to do once the transaction that wrote it has committed (publishing frames, chat messages). */
export type AfterCommit = (app: AppContext) => void;

/** Agents learn that an exception was raised or resolved (`logistics.exception_changed`), on any process. */
export function publishExceptions(app: AppContext, shopId: string, ids: readonly string[]) {
  for (const id of ids) {
    void findException(app.storage.db, shopId, id)
      .then((exception) => exception && app.bus.publish({ type: 'logistics.exception_changed', shopId, exception }))
      .catch((err: unknown) => app.log.warn({ err }, 'could not announce a logistics exception'));
  }
}
