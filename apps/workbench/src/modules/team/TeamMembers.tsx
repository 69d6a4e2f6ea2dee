import type { AgentView, RoleView } from '@golddesk/contracts';
import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Avatar, Button, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { AddAgentModal } from './AddAgentModal';
import { AgentRoutingModal, groupName } from '../routing';
import { AgentActions } from './AgentActions';
import { RoleTag } from './RoleTag';
import { listTeam, mayManage, roleRank, rolesCreatableBy, setAgentRole } from './team.api';
import { useRoleLabel } from '../../platform/role-label';

// The team list reads best with the people in charge first, then by name.
function byRoleThenName(a: AgentView, b: AgentView): number {
  return roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name, 'zh-CN');
}

const STATUS_COLOR = { online: 'green', busy: 'gold', offline: 'default' } as const;

interface TeamMembersProps {
  session: Session;
  /** The matrix's roles when the agent may read it (the shop's own roles are offered to new colleagues then). */
  roles: readonly RoleView[] | null;
  /** Reports the number of agents for the page's title. */
  onCount: (count: number) => void;
}

/** 成员: the shop's agents; whoever may manage a role adds colleagues of it, disables them or signs them out. */
export function TeamMembers({ session, roles, onCount }: TeamMembersProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [agents, setAgents] = useState<AgentView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [routing, setRouting] = useState<AgentView | null>(null);
  const creatable = rolesCreatableBy(session, roles);
  const roleLabel = useRoleLabel();
  const managesAnyone = agents.some((agent) => mayManage(session, agent));

  const load = useCallback(
    (signal?: AbortSignal) => {
      setLoading(true);
      listTeam(signal)
        .then((list) => {
          setAgents([...list].sort(byRoleThenName));
          onCount(list.length);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (!signal?.aborted) setError(errorMessage(caught));
        })
        .finally(() => {
          if (!signal?.aborted) setLoading(false);
        });
    },
    [onCount],
  );

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
      {
        key: 'role',
        title: t('team.role'),
        width: 160,
        render: (_value, agent) =>
          mayManage(session, agent) && creatable.some((role) => role.key === agent.role) ? (
            // Whoever may manage both roles changes it in place; it applies at once (their workbench refetches).
            <span data-testid="team-role" data-role={agent.role}>
              <Select<string>
                size="small"
                value={agent.role}
                style={{ width: 140 }}
                options={creatable.map((role) => ({ value: role.key, label: roleLabel(role.key, role.name) }))}
                onChange={(role) => void changeRole(agent, role)}
                data-testid="team-role-select"
              />
            </span>
          ) : (
            <RoleTag role={agent.role} name={agent.roleName} />
          ),
      },
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
        title: t('team.presence'),
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
      {
        // 分流: the groups they take buyers of and how many they serve now against their capacity (接待上限).
        key: 'routing',
        title: t('routing.agentModal.action'),
        width: 220,
        render: (_value, agent) => (
          <span className="team-routing" data-testid="team-routing">
            {(agent.groups ?? []).map((group) => (
              <Tag key={group} bordered={false} color="blue">
                {groupName(group)}
              </Tag>
            ))}
            <span className="team-load" data-testid="team-load">
              {agent.load ?? 0}/{agent.capacity ?? '—'}
            </span>
            {mayManage(session, agent) && (
              <Button size="small" type="link" onClick={() => setRouting(agent)} data-testid="team-routing-edit">
                {t('routing.agentModal.action')}
              </Button>
            )}
          </span>
        ),
      },
      ...(managesAnyone
        ? [
            {
              key: 'actions',
              title: t('team.actions'),
              width: 200,
              render: (_value: unknown, agent: AgentView) =>
                mayManage(session, agent) && <AgentActions agent={agent} onChanged={() => load()} />,
            },
          ]
        : []),
    ],
    [t, session, managesAnyone, load, creatable, roleLabel],
  );

  async function changeRole(agent: AgentView, role: string) {
    try {
      await setAgentRole(agent.id, role);
      void message.success(t('team.roleChanged', { name: agent.name }));
      load();
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  function onAdded(agent: AgentView) {
    setAdding(false);
    void message.success(t('team.added', { name: agent.name }));
    load();
  }

  return (
    <>
      {creatable.length > 0 && (
        <div className="team-toolbar">
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="team-add">
            {t('team.add')}
          </Button>
        </div>
      )}
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
      <AgentRoutingModal
        agent={routing}
        onClose={() => setRouting(null)}
        onSaved={() => {
          setRouting(null);
          load();
        }}
      />
      {creatable.length > 0 && (
        <AddAgentModal open={adding} roles={creatable} onAdded={onAdded} onCancel={() => setAdding(false)} />
      )}
    </>
  );
}
