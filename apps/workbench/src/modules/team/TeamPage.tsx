import { can } from '@golddesk/contracts';
import { TeamOutlined } from '@ant-design/icons';
import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTab } from '../../platform/navigation';
import type { Session } from '../../platform/session';
import { RoutingSettingsPanel } from '../routing';
import { RolesMatrix } from './RolesMatrix';
import { TeamMembers } from './TeamMembers';
import { useRoles } from './use-roles';
import './team.locales';
import './team.css';

/** 团队: the shop's agents (成员), and for the owner and managers the permissions matrix (角色与权限). */
export function TeamPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  const [tab, setTab] = usePageTab('members');
  const mayEditRoles = can(session, 'team.manage_roles');
  const mayViewRoles = mayEditRoles || can(session, 'team.view_roles');
  const roles = useRoles(mayViewRoles);
  const mayRoute = can(session, 'routing.configure');
  const active = (mayViewRoles && tab === 'roles') || (mayRoute && tab === 'routing') ? tab : 'members';
  // Opened on 角色与权限, the members list has not loaded yet: the matrix counts the people too.
  const people = count ?? roles.matrix?.roles.reduce((sum, role) => sum + role.agentCount, 0) ?? null;

  return (
    <main className="team-page" data-testid="team-page">
      <Card
        className="team-card wide"
        variant="borderless"
        title={
          <span className="team-title">
            <TeamOutlined />
            {t('team.title')}
            {people !== null && (
              <Typography.Text type="secondary" className="team-count">
                {t('team.count', { count: people })}
              </Typography.Text>
            )}
          </span>
        }
      >
        <Tabs
          activeKey={active}
          onChange={setTab}
          items={[
            {
              key: 'members',
              label: <span data-testid="team-tab-members">{t('team.tabs.members')}</span>,
              children: <TeamMembers session={session} roles={roles.matrix?.roles ?? null} onCount={setCount} />,
            },
            ...(mayViewRoles
              ? [
                  {
                    key: 'roles',
                    label: <span data-testid="team-tab-roles">{t('team.tabs.roles')}</span>,
                    children: <RolesMatrix roles={roles} editable={mayEditRoles} />,
                  },
                ]
              : []),
            ...(mayRoute
              ? [
                  {
                    key: 'routing',
                    label: <span data-testid="team-tab-routing">{t('routing.settings.title')}</span>,
                    children: <RoutingSettingsPanel editable={mayRoute} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </main>
  );
}
