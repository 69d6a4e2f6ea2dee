import type { MonitorAgent, MonitorResponse } from '@golddesk/contracts';
import { Progress, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../../platform/role-label';
import { oldest } from './monitor-rows';
import { WaitClock } from './WaitClock';

const STATUS_COLOR = { online: 'green', busy: 'orange', offline: 'default' } as const;

interface AgentsTableProps {
  /** The agents in the order to show them. */
  agents: MonitorAgent[];
  /** The snapshot's limits (red and alert seconds). */
  snapshot: MonitorResponse;
  /** The server's clock now, in ms. */
  serverNow: number;
}

/** Each agent: status (在线 / 忙碌 / 离线), load against capacity, and their oldest unanswered buyer with its wait. */
export function AgentsTable({ agents, snapshot, serverNow }: AgentsTableProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const columns: ColumnsType<MonitorAgent> = [
    { key: 'name', title: t('monitor.agents.name'), dataIndex: 'name', ellipsis: true },
    {
      key: 'role',
      title: t('monitor.agents.role'),
      width: 100,
      ellipsis: true,
      render: (_value, agent) => roleLabel(agent.role),
    },
    {
      key: 'status',
      title: t('monitor.agents.status'),
      width: 76,
      render: (_value, agent) => (
        <Tag bordered={false} color={STATUS_COLOR[agent.status]} data-testid="monitor-agent-status">
          {t(`agentStatus.${agent.status}`)}
        </Tag>
      ),
    },
    {
      key: 'load',
      title: t('monitor.agents.load'),
      width: 140,
      render: (_value, agent) => (
        <Progress
          size="small"
          percent={agent.capacity ? Math.round((agent.load / agent.capacity) * 100) : 0}
          // Full is not an error, but nobody new reaches them: amber.
          strokeColor={agent.load >= agent.capacity ? '#faad14' : undefined}
          format={() => `${agent.load}/${agent.capacity}`}
          data-testid="monitor-agent-load"
        />
      ),
    },
    {
      key: 'oldest',
      title: t('monitor.agents.oldest'),
      width: 170,
      render: (_value, agent) => {
        const first = oldest(agent.unanswered);
        if (!first) return t('monitor.agents.none');
        return (
          <span className="monitor-oldest">
            <span className="monitor-oldest-nick">{first.buyer.nick}</span>
            <WaitClock since={first.waitingSince} serverNow={serverNow} limits={snapshot} />
          </span>
        );
      },
    },
  ];
  return (
    <Table<MonitorAgent>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={agents}
      pagination={false}
      scroll={{ y: 240 }}
      locale={{ emptyText: t('monitor.agents.empty') }}
      onRow={(agent) => ({ 'data-testid': 'monitor-agent-row', 'data-agent-id': agent.id }) as object}
      data-testid="monitor-agents"
    />
  );
}
