import { mayManageRole, type AgentRole, type AgentView } from '@golddesk/contracts';
import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Avatar, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { AddAgentModal } from './AddAgentModal';
import { RoleTag } from './RoleTag';
import { AgentActions } from './AgentActions';
import { ROLES, listTeam, mayManage, rolesCreatableBy } from './team.api';

// The team list reads best with the people in charge first, then by name.
function byRoleThenName(a: AgentView, b: AgentView): number {
  return ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'zh-CN');
}

/** 团队: the shop's agents; owners and managers may add colleagues. */
const STATUS_COLOR = { online: 'green', busy: 'gold', offline: 'default' } as const;

export function TeamPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [agents, setAgents] = useState<AgentView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const creatable = rolesCreatableBy(session.agent.role);
  const managesAnyone = ROLES.some((role) => mayManageRole(session.agent.role, role));

  const load = useCallback((signal?: AbortSignal) => {
    setLoading(true);
    listTeam(signal)
      .then((list) => {
        setAgents([...list].sort(byRoleThenName));
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!signal?.aborted) setError(errorMessage(caught));
      })
      .finally(() => {
        if (!signal?.aborted) setLoading(false);
      });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const columns = useMemo<TableColumnsType<AgentView>>(
    () => [
      {
        key: 'name',
        title: t('team.name'),
        render: (_value, agent) => (
          <span className="team-agent">
            <Avatar size="small" style={{ background: '#ff6a00' }}>
              {agent.name.slice(0, 1)}
            </Avatar>
            <span data-testid="team-agent-name">{agent.name}</span>
            {agent.id === session.agent.id && <Tag bordered={false}>{t('team.you')}</Tag>}
          </span>
        ),
      },
      { key: 'username', title: t('team.username'), dataIndex: 'username', render: (username?: string) => username ?? '—' },
      { key: 'role', title: t('team.role'), dataIndex: 'role', width: 160, render: (role: AgentRole) => <RoleTag role={role} /> },
      {
        key: 'status',
        title: t('team.status'),
        width: 110,
        render: (_value, agent) => (
          <Tag
            color={agent.disabled ? 'default' : 'green'}
            data-testid="team-status"
            data-disabled={agent.disabled ? 'true' : 'false'}
          >
            {t(agent.disabled ? 'team.disabled' : 'team.active')}
          </Tag>
        ),
      },
      {
        // 在线 / 忙碌 / 离线 as the colleague set it (离线 while no workbench of theirs is open).
        key: 'presence',
        title: t('agentStatus.label'),
        width: 100,
        render: (_value, agent) =>
          agent.disabled || !agent.status ? (
            '—'
          ) : (
            <Tag bordered={false} color={STATUS_COLOR[agent.status]} data-testid="team-presence">
              {t(`agentStatus.${agent.status}`)}
            </Tag>
          ),
      },
      ...(managesAnyone
        ? [
            {
              key: 'actions',
              title: t('team.actions'),
              width: 200,
              render: (_value: unknown, agent: AgentView) =>
                mayManage(session.agent, agent) && <AgentActions agent={agent} onChanged={() => load()} />,
            },
          ]
        : []),
    ],
    [t, session.agent, managesAnyone, load],
  );

  function onAdded(agent: AgentView) {
    setAdding(false);
    void message.success(t('team.added', { name: agent.name }));
    load();
  }

  return (
    <main className="team-page" data-testid="team-page">
      <Card
        className="team-card"
        variant="borderless"
        title={
          <span className="team-title">
            <TeamOutlined />
            {t('team.title')}
            <Typography.Text type="secondary" className="team-count">
              {t('team.count', { count: agents.length })}
            </Typography.Text>
          </span>
        }
        extra={
          creatable.length > 0 && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="team-add">
              {t('team.add')}
            </Button>
          )
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="team-error" />}
        <Table<AgentView>
          rowKey="id"
          columns={columns}
          dataSource={agents}
          loading={loading}
          pagination={agents.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(agent) => ({ 'data-testid': 'team-row', 'data-username': agent.username ?? '' }) as HTMLAttributes<HTMLElement>}
          data-testid="team-table"
        />
      </Card>
      {creatable.length > 0 && (
        <AddAgentModal open={adding} roles={creatable} onAdded={onAdded} onCancel={() => setAdding(false)} />
      )}
    </main>
  );
}
