import { PushpinFilled } from '@ant-design/icons';
import type { MonitorResponse } from '@golddesk/contracts';
import { Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../platform/use-can';
import { waitingRows, waitLevel, waitSeconds, type WaitingRow } from './monitor-rows';
import { WaitClock } from './WaitClock';

interface WaitingBuyersProps {
  snapshot: MonitorResponse;
  /** The server's clock now, in ms. */
  serverNow: number;
  /** The conversation being taken over or reassigned right now (its buttons wait). */
  busyId: string | null;
  /** 接管: the manager takes the buyer (a queued one, or a colleague's). */
  onTakeOver: (row: WaitingRow) => void;
  /** 改派: opens the reassignment dialog for the buyer. */
  onReassign: (row: WaitingRow) => void;
}

/**
 * Every buyer waiting for an answer, longest first: queued ones with their place, assigned ones with their agent.
 * Red past the agent's limit; past the alert time a 告警 tag, pinned at the top (the longest waits come first).
 */
export function WaitingBuyers({ snapshot, serverNow, busyId, onTakeOver, onReassign }: WaitingBuyersProps) {
  const { t } = useTranslation();
  const can = useCan();
  const rows = useMemo(() => waitingRows(snapshot), [snapshot]);
  const levelOf = (row: WaitingRow) => waitLevel(waitSeconds(row.buyer.waitingSince, serverNow), snapshot);
  // Queued buyers are anyone's to take; a colleague's buyer is taken over (接管) with its own capability.
  const mayTake = (row: WaitingRow) => !row.assignee || can('conversations.take_over');
  const mayReassign = (row: WaitingRow) => can('conversations.transfer') && mayTake(row);
  const groupOf = (row: WaitingRow) => {
    if (row.queueGroup) return row.queueGroup.name;
    const key = row.buyer.group;
    return key ? (snapshot.groups.find((group) => group.key === key)?.name ?? key) : t('monitor.agents.none');
  };

  const columns: ColumnsType<WaitingRow> = [
    {
      key: 'buyer',
      title: t('monitor.waiting.buyer'),
      ellipsis: true,
      render: (_value, row) => {
        const level = levelOf(row);
        return (
          <Space size={4}>
            {level === 'alert' && (
              <Tooltip title={t('monitor.waiting.alertTitle', { seconds: snapshot.alertAfterSeconds })}>
                <Tag color="red" icon={<PushpinFilled />} data-testid="monitor-alert-tag">
                  {t('monitor.waiting.alert')}
                </Tag>
              </Tooltip>
            )}
            <span className="monitor-buyer-nick">{row.buyer.buyer.nick}</span>
          </Space>
        );
      },
    },
    { key: 'group', title: t('monitor.waiting.group'), width: 110, ellipsis: true, render: (_value, row) => groupOf(row) },
    {
      key: 'where',
      title: t('monitor.waiting.where'),
      width: 160,
      ellipsis: true,
      render: (_value, row) =>
        row.assignee ? (
          t('monitor.waiting.servedBy', { name: row.assignee.name })
        ) : (
          <Tag bordered={false} color="orange">
            {row.buyer.position
              ? t('monitor.waiting.queued', { position: row.buyer.position })
              : t('monitor.waiting.queuedNoPlace')}
          </Tag>
        ),
    },
    {
      key: 'wait',
      title: t('monitor.waiting.wait'),
      width: 100,
      render: (_value, row) => {
        const clock = <WaitClock since={row.buyer.waitingSince} serverNow={serverNow} limits={snapshot} />;
        return levelOf(row) === 'red' ? (
          <Tooltip title={t('monitor.waiting.redTitle', { seconds: snapshot.redAfterSeconds })}>{clock}</Tooltip>
        ) : (
          clock
        );
      },
    },
    {
      key: 'actions',
      title: t('monitor.waiting.actions'),
      width: 170,
      render: (_value, row) => (
        <Space size={4}>
          <Button
            size="small"
            type="primary"
            disabled={!mayTake(row)}
            loading={busyId === row.buyer.conversationId}
            onClick={() => onTakeOver(row)}
            data-testid="monitor-take-over"
          >
            {t('monitor.actions.takeOver')}
          </Button>
          <Button
            size="small"
            disabled={!mayReassign(row) || busyId === row.buyer.conversationId}
            onClick={() => onReassign(row)}
            data-testid="monitor-reassign"
          >
            {t('monitor.actions.reassign')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      className="monitor-section"
      title={
        <span>
          {t('monitor.waiting.title')}{' '}
          <Tag bordered={false} color={rows.length ? 'red' : 'default'} data-testid="monitor-waiting-count">
            {t('monitor.waiting.count', { count: rows.length })}
          </Tag>
        </span>
      }
    >
      <Table<WaitingRow>
        size="small"
        rowKey={(row) => row.buyer.conversationId}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 260 }}
        locale={{ emptyText: t('monitor.waiting.empty') }}
        rowClassName={(row) => `monitor-row-${levelOf(row)}`}
        onRow={(row) =>
          ({
            'data-testid': 'monitor-buyer-row',
            'data-conversation-id': row.buyer.conversationId,
            'data-level': levelOf(row),
          }) as object
        }
        data-testid="monitor-waiting"
      />
    </Card>
  );
}
