import type { AgentRole, AgentView } from '@golddesk/contracts';
import type { AgentRow } from './agent.repository.js';

export function presentAgent(row: AgentRow): AgentView {
  return { id: row.id, name: row.name, role: row.role as AgentRole, username: row.username };
}
