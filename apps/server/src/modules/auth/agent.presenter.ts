import type { AgentRole, AgentView } from '@golddesk/contracts';
import type { AgentRow } from './agent.repository.js';

export function presentAgent(row: Omit<AgentRow, 'disabled_at'> & { disabled_at?: string | null }): AgentView {
  return { id: row.id, name: row.name, role: row.role as AgentRole, username: row.username, disabled: row.disabled_at != null };
}
