import { can, type Capability, type CapabilityHolder, type TaskKind } from '@golddesk/contracts';

/** Whose inbox a kind of task lands in, and the capability that opens that inbox. */
export const TASK_INBOXES: Record<TaskKind, { role: string; capability: Capability }> = {
  warehouse_ship: { role: 'warehouse', capability: 'tasks.warehouse' },
  finance_refund: { role: 'finance', capability: 'tasks.finance' },
  finance_compensation: { role: 'finance', capability: 'tasks.finance' },
  qc_inspect: { role: 'qc', capability: 'tasks.qc' },
  follow_up_call: { role: 'manager', capability: 'tasks.follow_up' },
  review_follow_up: { role: 'reviews', capability: 'tasks.reviews' },
  // Kept by payment reminders in their own table (a task source); listed here for the inbox's roles.
  payment_call: { role: 'payment_calls', capability: 'payment_reminders.work_tasks' },
};

/** The inboxes the agent works (仓库 work for those who ship, 财务 for managers …): their capabilities say which. */
export function inboxRolesOf(agent: CapabilityHolder): string[] {
  const roles = new Set<string>();
  for (const inbox of Object.values(TASK_INBOXES)) if (can(agent, inbox.capability)) roles.add(inbox.role);
  return [...roles];
}

/** Whether the agent may work the task: it is theirs, or it sits in an inbox they work. */
export function mayWorkTask(agent: CapabilityHolder & { agentId: string }, task: { assignee_id: string | null; role: string }) {
  if (task.assignee_id === agent.agentId) return true;
  return inboxRolesOf(agent).includes(task.role);
}
