import type { AgentRole } from '@golddesk/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// One colour per role so a long list can be scanned at a glance.
const ROLE_COLORS: Record<AgentRole, string> = {
  owner: 'orange',
  manager: 'purple',
  presale: 'blue',
  aftersale: 'green',
  support: 'default',
};

/** An agent's role as a coloured tag (店长, 主管, 售前, 售后, 辅助). */
export function RoleTag({ role }: { role: AgentRole }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLORS[role]} data-testid="team-role" data-role={role}>
      {t(`role.${role}`)}
    </Tag>
  );
}
