// Tasks: 协同任务, colleagues' work around after-sales cases (仓库发货, 财务, 质检, 回访) in one inbox per person and role.
export { TaskInbox } from './TaskInbox';
export { putTask } from './task.store';
