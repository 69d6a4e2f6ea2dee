/** The tasks module's door: colleague tasks (协同任务) in one inbox per person and role. */
export { createTask, type CreateTaskProps } from './commands/create-task.js';
export { provideTaskOutcome, type TaskOutcome } from './task-outcomes.js';
export { publishTask } from './task.events.js';
export { closeOpenTask, listOpenTasksOfCase, findTask, type TaskWithNumbers } from './task.repository.js';
export { registerTaskRoutes } from './task.routes.js';
export { provideTaskSource, type TaskSource } from './task-sources.js';
export type { CompleteTaskProps } from './commands/complete-task.js';
