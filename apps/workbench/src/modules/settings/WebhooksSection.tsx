import { DeleteOutlined, HistoryOutlined, KeyOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { can, type WebhookView } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { CreateWebhookModal } from './CreateWebhookModal';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { SecretField } from './SecretField';
import { deleteWebhook, fetchWebhooks, sendTestDelivery } from './settings.api';

/** The server lets owners and managers change webhooks (webhook.routes.ts); everyone else may only look. */

/** Webhook 出站通知: the shop's subscriptions, their secrets on demand, a test ping and each one's deliveries. */
export function WebhooksSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const editable = can(session, 'webhooks.manage');
  const [webhooks, setWebhooks] = useState<WebhookView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [drawerFor, setDrawerFor] = useState<WebhookView | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchWebhooks(controller.signal)
      .then(setWebhooks)
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  async function remove(webhook: WebhookView) {
    try {
      await deleteWebhook(webhook.id);
      setWebhooks((list) => (list ?? []).filter((w) => w.id !== webhook.id));
      void message.success(t('settings.webhooks.deleted'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  async function test(webhook: WebhookView) {
    try {
      await sendTestDelivery(webhook.id);
      void message.success(t('settings.webhooks.testSent'));
      setDrawerFor(webhook);
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  function showSecret(webhook: WebhookView) {
    void modal.info({
      title: t('settings.webhooks.secretTitle'),
      width: 560,
      content: (
        <div data-testid="webhook-secret-dialog">
          <Typography.Paragraph type="secondary">{t('settings.webhooks.secretHint')}</Typography.Paragraph>
          <SecretField value={webhook.secret} testId="webhook-secret" />
        </div>
      ),
    });
  }

  if (!webhooks) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  return (
    <div className="settings-stack">
      <Typography.Paragraph type="secondary" className="settings-intro">
        {t('settings.webhooks.intro')}
      </Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('settings.webhooks.readOnly')} />}
      <Card
        size="small"
        title={t('settings.webhooks.listTitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
              {t('settings.webhooks.create')}
            </Button>
          )
        }
      >
        <Table<WebhookView>
          size="small"
          rowKey="id"
          dataSource={webhooks}
          pagination={false}
          locale={{ emptyText: t('settings.webhooks.empty') }}
          onRow={(row) => ({ 'data-testid': 'webhook-row', 'data-id': row.id }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('settings.webhooks.url'),
              dataIndex: 'url',
              render: (url: string) => (
                <Typography.Text className="webhook-url" data-testid="webhook-url">
                  {url}
                </Typography.Text>
              ),
            },
            {
              title: t('settings.webhooks.events'),
              dataIndex: 'events',
              width: 150,
              render: (events: string[]) =>
                events.map((e) => (
                  <Tag key={e} color="blue" title={e}>
                    {t(`settings.webhooks.eventNames.${e.replaceAll('.', '_')}`, { defaultValue: e })}
                  </Tag>
                )),
            },
            {
              title: t('settings.webhooks.active'),
              dataIndex: 'active',
              width: 70,
              render: (active: boolean) => (
                <Tag color={active ? 'success' : 'default'}>
                  {active ? t('settings.webhooks.enabled') : t('settings.webhooks.disabled')}
                </Tag>
              ),
            },
            {
              title: t('settings.webhooks.createdAt'),
              dataIndex: 'createdAt',
              width: 140,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('settings.webhooks.actions'),
              key: 'actions',
              width: 360,
              render: (_: unknown, webhook) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<HistoryOutlined />}
                    onClick={() => setDrawerFor(webhook)}
                    data-testid="webhook-deliveries"
                  >
                    {t('settings.webhooks.deliveries')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    icon={<KeyOutlined />}
                    onClick={() => showSecret(webhook)}
                    data-testid="webhook-show-secret"
                  >
                    {t('settings.webhooks.secret')}
                  </Button>
                  {editable && (
                    <Button
                      type="link"
                      size="small"
                      icon={<SendOutlined />}
                      onClick={() => void test(webhook)}
                      data-testid="webhook-test"
                    >
                      {t('settings.webhooks.test')}
                    </Button>
                  )}
                  {editable && (
                    <Popconfirm
                      title={t('settings.webhooks.deleteConfirm')}
                      description={t('settings.webhooks.deleteConfirmBody')}
                      okButtonProps={{ danger: true, 'data-testid': 'webhook-delete-confirm' }}
                      onConfirm={() => remove(webhook)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="webhook-delete">
                        {t('settings.webhooks.delete')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CreateWebhookModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(w) => setWebhooks((list) => [...(list ?? []), w])}
      />
      <DeliveriesDrawer webhook={drawerFor} onClose={() => setDrawerFor(null)} onTest={editable ? test : undefined} />
    </div>
  );
}
