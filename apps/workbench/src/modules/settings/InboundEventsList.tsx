import { ReloadOutlined } from '@ant-design/icons';
import type { InboundEventLogView } from '@golddesk/contracts';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { fetchInboundEvents } from './settings.api';

const STATUS_COLOR: Record<string, string> = { applied: 'success', parked: 'warning', ignored: 'default', rejected: 'error' };

/** 最近接收的事件: the latest 50 stored events and what became of each (duplicates and refused requests are not stored). */
export function InboundEventsList() {
  const { t } = useTranslation();
  const [events, setEvents] = useState<InboundEventLogView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback((signal?: AbortSignal) => {
    setLoading(true);
    fetchInboundEvents(signal)
      .then((list) => {
        setEvents(list);
        setError(null);
      })
      .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <Card
      size="small"
      title={t('settings.integration.recentTitle')}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={loading}
          onClick={() => load()}
          data-testid="inbound-events-refresh"
        >
          {t('settings.refresh')}
        </Button>
      }
      data-testid="inbound-events"
    >
      <Typography.Paragraph type="secondary">{t('settings.integration.recentHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<InboundEventLogView>
        size="small"
        rowKey="id"
        loading={!events && !error}
        dataSource={events ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: t('settings.integration.recentEmpty') }}
        onRow={() => ({ 'data-testid': 'inbound-event-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('settings.integration.receivedAt'),
            dataIndex: 'receivedAt',
            width: 130,
            render: (at: string) => dayjs(at).format('MM-DD HH:mm:ss'),
          },
          {
            title: t('settings.integration.type'),
            dataIndex: 'type',
            width: 190,
            render: (type: string) => (
              <span title={type}>
                {t(`settings.integration.types.${type.replaceAll('.', '_')}`, { defaultValue: type })}{' '}
                <Typography.Text type="secondary" className="event-code">
                  {type}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('settings.integration.orderNo'),
            dataIndex: 'orderNo',
            width: 130,
            render: (no: string | null) => no ?? '—',
          },
          {
            title: t('settings.integration.result'),
            dataIndex: 'status',
            width: 100,
            render: (status: string) => (
              <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="inbound-event-status" data-status={status}>
                {t(`settings.integration.status.${status}`, { defaultValue: status })}
              </Tag>
            ),
          },
          { title: t('settings.integration.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
        ]}
      />
    </Card>
  );
}
