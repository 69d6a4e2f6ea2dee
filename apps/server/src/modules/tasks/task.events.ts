import type { AppContext } from '../../platform/app-context.js';
import { presentTask } from './task.presenter.js';
import type { TaskWithNumbers } from './task.repository.js';

/** Colleagues' inboxes learn a task was created or changed, on any process. */
export function publishTask(app: AppContext, task: TaskWithNumbers) {
  app.bus.publish({ type: 'task.updated', shopId: task.shop_id, task: presentTask(task, app.now()) });
}
