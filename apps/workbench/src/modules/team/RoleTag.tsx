import type { AgentRole } from '@golddesk/contracts';
import { Tag } from 'antd';
import { useRoleLabel } from '../../platform/role-label';

// One colour per role so a long list can be scanned at a glance; the shop's own roles share one.
const ROLE_COLORS: Record<AgentRole, string> = {
  owner: 'orange',
  manager: 'purple',
  presale: 'blue',
  aftersale: 'green',
  support: 'default',
  trainee: 'gold',
};

/** An agent's role as a coloured tag (店长, 主管, 售前, 售后, 辅助, 培训生, or the name of a role the shop made). */
export function RoleTag({ role, name }: { role: string; name?: string }) {
  const label = useRoleLabel();
  return (
    <Tag color={ROLE_COLORS[role as AgentRole] ?? 'cyan'} data-testid="team-role" data-role={role}>
      {label(role, name)}
    </Tag>
  );
}
