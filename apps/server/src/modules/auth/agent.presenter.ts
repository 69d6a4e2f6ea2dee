import type { AgentStatus, AgentView } from '@golddesk/contracts';
import type { AgentRow } from './agent.repository.js';

type PresentedRow = Pick<AgentRow, 'id' | 'name' | 'role' | 'username'> & {
  disabled_at?: string | null;
  status?: string | null;
  /** The name of a role the shop made (listAgents joins it); built-in roles are named by the client. */
  role_name?: string | null;
};

/**
 * An agent as colleagues see them. With `online` (who has a workbench open), the status is the one they set while
 * they are there, and 离线 when no workbench of theirs is open.
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
  if (online) view.status = online.has(row.id) ? ((row.status ?? 'online') as AgentStatus) : 'offline';
  return view;
}
