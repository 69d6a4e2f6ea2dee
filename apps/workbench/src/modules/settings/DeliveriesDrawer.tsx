import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import type { WebhookDeliveryView, WebhookView } from '@golddesk/contracts';
import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { fetchDeliveries } from './settings.api';

const STATUS_COLOR = { pending: 'default', sending: 'processing', delivered: 'success', failed: 'error' } as const;
/** Deliveries change in the background (sends, retries): the open drawer re-reads them this often. */
const REFRESH_MS = 3000;

/** 投递记录: a webhook's latest deliveries with status, attempts and the receiver's last answer. */
export function DeliveriesDrawer({
  webhook,
  onClose,
  onTest,
}: {
  /** The webhook whose deliveries are shown; null closes the drawer. */
  webhook: WebhookView | null;
  onClose: () => void;
  /** 发送测试 (only for those who may edit). */
  onTest?: (webhook: WebhookView) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [deliveries, setDeliveries] = useState<WebhookDeliveryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = webhook?.id;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!id) return;
      try {
        setDeliveries(await fetchDeliveries(id, signal));
        setError(null);
      } catch (caught) {
        if (!signal?.aborted) setError(errorMessage(caught));
      }
    },
    [id],
  );

  useEffect(() => {
    setDeliveries(null);
    if (!id) return;
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(controller.signal), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [id, load]);

  const time = (at: string | null) => (at ? dayjs(at).format('MM-DD HH:mm:ss') : '—');
  return (
    <Drawer
      open={!!webhook}
      onClose={onClose}
      size={780}
      destroyOnHidden
      title={t('settings.webhooks.drawer.title')}
      extra={
        <Space>
          {onTest && webhook && (
            <Button
              icon={<SendOutlined />}
              onClick={() => void onTest(webhook).then(() => load())}
              data-testid="drawer-webhook-test"
            >
              {t('settings.webhooks.test')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="deliveries-refresh">
            {t('settings.refresh')}
          </Button>
        </Space>
      }
      data-testid="deliveries-drawer"
    >
      <Typography.Paragraph className="drawer-webhook-url">
        <Typography.Text code>{webhook?.url}</Typography.Text>
        <Typography.Text type="secondary"> · {t('settings.webhooks.drawer.autoRefresh')}</Typography.Text>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<WebhookDeliveryView>
        size="small"
        rowKey="id"
        loading={!deliveries && !error}
        dataSource={deliveries ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: t('settings.webhooks.drawer.empty') }}
        onRow={(row) => ({ 'data-testid': 'delivery-row', 'data-status': row.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('settings.webhooks.drawer.event'),
            dataIndex: 'eventType',
            width: 150,
            render: (type: string) => (
              <span title={type}>
                {t(`settings.webhooks.eventNames.${type.replaceAll('.', '_')}`, { defaultValue: type })}{' '}
                <Typography.Text type="secondary" className="event-code">
                  {type}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('settings.webhooks.drawer.status'),
            dataIndex: 'status',
            width: 80,
            render: (status: WebhookDeliveryView['status']) => (
              <Tag color={STATUS_COLOR[status]} data-testid="delivery-status">
                {t(`settings.webhooks.deliveryStatus.${status}`)}
              </Tag>
            ),
          },
          { title: t('settings.webhooks.drawer.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
          {
            title: t('settings.webhooks.drawer.lastStatus'),
            dataIndex: 'lastStatus',
            width: 84,
            render: (s: number | null) => s ?? '—',
          },
          {
            title: t('settings.webhooks.drawer.lastError'),
            dataIndex: 'lastError',
            ellipsis: true,
            render: (e: string | null) =>
              e ? (
                <Typography.Text type="danger" title={e}>
                  {e}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: t('settings.webhooks.drawer.createdAt'), dataIndex: 'createdAt', width: 112, render: time },
          {
            title: `${t('settings.webhooks.drawer.deliveredAt')} / ${t('settings.webhooks.drawer.nextAttemptAt')}`,
            key: 'when',
            width: 150,
            render: (_: unknown, d) =>
              d.deliveredAt ? (
                time(d.deliveredAt)
              ) : d.status === 'pending' ? (
                <Typography.Text type="secondary">{time(d.nextAttemptAt)}</Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Drawer>
  );
}
