import type { AgentStatus, AgentView } from '@golddesk/contracts';
import type { AgentRow } from './agent.repository.js';

type PresentedRow = Pick<AgentRow, 'id' | 'name' | 'role' | 'username'> & {
  disabled_at?: string | null;
  status?: string | null;
  left_at?: string | null;
  /** The name of a role the shop made (listAgents joins it); built-in roles are named by the client. */
  role_name?: string | null;
};

/**
 * An agent as colleagues see them. With `online` (who has a workbench open), the status as effectiveStatus says.
 */
export function presentAgent(row: PresentedRow, online?: ReadonlySet<string>): AgentView {
  const view: AgentView = {
    id: row.id,
    name: row.name,
    role: row.role,
    username: row.username,
    disabled: row.disabled_at != null,
  };
  if (row.role_name) view.roleName = row.role_name;
  if (online) view.status = effectiveStatus(row, online.has(row.id));
  return view;
}

/**
 * The status colleagues see and routing goes by: the one the agent set while a workbench of theirs is open; without
 * one, 在线 only when they said so themselves (an API client without a stream) and no workbench closed since, else 离线.
 */
export function effectiveStatus(row: { status?: string | null; left_at?: string | null }, present: boolean): AgentStatus {
  if (present) return (row.status ?? 'online') as AgentStatus;
  return row.status === 'online' && !row.left_at ? 'online' : 'offline';
}
