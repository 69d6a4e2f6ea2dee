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
export function presentAgent(row: PresentedRow, online?: ReadonlySet<string>, signedIn?: ReadonlySet<string>): AgentView {
  const view: AgentView = {
    id: row.id,
    name: row.name,
    role: row.role,
    username: row.username,
    disabled: row.disabled_at != null,
  };
  if (row.role_name) view.roleName = row.role_name;
  if (online) view.status = effectiveStatus(row, online.has(row.id), signedIn?.has(row.id));
  return view;
}

/**
 * The status colleagues see and routing goes by: the one the agent set while a workbench of theirs is open. Without
 * one, an API client (signed in, no workbench closed since) is as they said (在线 unless they chose otherwise), and
 * anyone else 离线. `signedIn` unknown: only an explicit 在线 counts.
 */
export function effectiveStatus(
  row: { status?: string | null; left_at?: string | null },
  present: boolean,
  signedIn?: boolean,
): AgentStatus {
  if (present) return (row.status ?? 'online') as AgentStatus;
  if (row.left_at) return 'offline';
  if (row.status === 'online') return 'online';
  return signedIn && row.status == null ? 'online' : 'offline';
}
