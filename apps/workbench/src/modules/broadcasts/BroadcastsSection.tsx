import { PlusOutlined } from '@ant-design/icons';
import { can, type BroadcastView } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Popconfirm, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { BroadcastDrawer, broadcastTime } from './BroadcastDrawer';
import { broadcastAction, deleteBroadcast, fetchBroadcasts } from './broadcasts.api';
import { CreateBroadcastModal } from './CreateBroadcastModal';
import './broadcasts.locales';

const STATUS_COLOR = { draft: 'default', scheduled: 'blue', sending: 'processing', done: 'green', cancelled: 'red' } as const;

/** 群发: broadcasts with status and figures (progress while sending), a create form, start/cancel and a detail drawer. */
export function BroadcastsSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = can(session, 'broadcasts.manage');
  const [broadcasts, setBroadcasts] = useState<BroadcastView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);

  const load = (signal?: AbortSignal) =>
    fetchBroadcasts(signal)
      .then(setBroadcasts)
      .catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)));
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, []);
  // While something is scheduled or sending, the figures move: refresh every few seconds.
  const active = (broadcasts ?? []).some((b) => b.status === 'scheduled' || b.status === 'sending');
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [active]);

  async function act(id: string, action: 'start' | 'cancel' | 'delete') {
    try {
      if (action === 'delete') await deleteBroadcast(id);
      else await broadcastAction(id, action);
      if (action !== 'delete') void message.success(t(action === 'start' ? 'broadcasts.started' : 'broadcasts.cancelled'));
      await load();
    } catch (caught) {
      void message.error(errorMessage(caught));
    }
  }

  if (!broadcasts) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const detail = broadcasts.find((b) => b.id === detailId) ?? null;
  return (
    <div data-testid="broadcasts">
      <Typography.Paragraph type="secondary">{t('broadcasts.intro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('broadcasts.readOnly')} style={{ marginBottom: 12 }} />}
      {editable && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="broadcast-add"
          style={{ marginBottom: 12 }}
        >
          {t('broadcasts.add')}
        </Button>
      )}
      <Table<BroadcastView>
        rowKey="id"
        size="small"
        dataSource={broadcasts}
        pagination={false}
        locale={{ emptyText: t('broadcasts.empty') }}
        onRow={(b) => ({ 'data-testid': `broadcast-row-${b.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('broadcasts.columns.title'),
            key: 'title',
            render: (_, b) => <Typography.Link onClick={() => setDetailId(b.id)}>{b.title}</Typography.Link>,
          },
          { title: t('broadcasts.columns.segment'), key: 'segment', render: (_, b) => b.segmentName ?? '—' },
          {
            title: t('broadcasts.columns.status'),
            key: 'status',
            width: 110,
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[b.status]} data-testid="broadcast-status" data-status={b.status}>
                  {t(`broadcasts.status.${b.status}`)}
                </Tag>
                {b.paused && b.resumesAt && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t('broadcasts.paused', { time: broadcastTime(b.resumesAt) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('broadcasts.columns.progress'),
            key: 'progress',
            width: 200,
            render: (_, b) => <BroadcastProgress broadcast={b} />,
          },
          { title: t('broadcasts.columns.read'), key: 'read', width: 70, render: (_, b) => b.stats.read },
          { title: t('broadcasts.columns.replied'), key: 'replied', width: 70, render: (_, b) => b.stats.replied },
          {
            title: t('broadcasts.columns.when'),
            key: 'when',
            width: 110,
            render: (_, b) => broadcastTime(b.startedAt ?? b.scheduledAt),
          },
          {
            title: t('broadcasts.columns.actions'),
            key: 'actions',
            width: 190,
            render: (_, b) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setDetailId(b.id)}>
                  {t('broadcasts.detail')}
                </Button>
                {editable && b.status === 'draft' && (
                  <>
                    <Button size="small" type="link" onClick={() => void act(b.id, 'start')} data-testid="broadcast-start">
                      {t('broadcasts.start')}
                    </Button>
                    <Button size="small" type="link" danger onClick={() => void act(b.id, 'delete')}>
                      {t('broadcasts.delete')}
                    </Button>
                  </>
                )}
                {editable && (b.status === 'scheduled' || b.status === 'sending') && (
                  <Popconfirm title={t('broadcasts.cancelConfirm')} onConfirm={() => act(b.id, 'cancel')}>
                    <Button size="small" type="link" danger data-testid="broadcast-cancel">
                      {t('broadcasts.cancel')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateBroadcastModal
          onClose={() => setCreating(false)}
          onSaved={async (saved, start) => {
            setCreating(false);
            if (start) await act(saved.id, 'start');
            else {
              void message.success(t('broadcasts.created'));
              await load();
            }
          }}
        />
      )}
      <BroadcastDrawer broadcast={detail} onClose={() => setDetailId(null)} />
    </div>
  );
}

function BroadcastProgress({ broadcast }: { broadcast: BroadcastView }) {
  const { stats } = broadcast;
  if (broadcast.status === 'draft' || broadcast.status === 'scheduled' || stats.recipients === 0)
    return <Typography.Text type="secondary">—</Typography.Text>;
  const handled = stats.recipients - stats.pending;
  return (
    <div data-testid="broadcast-progress">
      <Progress
        percent={Math.round((handled / stats.recipients) * 100)}
        size="small"
        status={broadcast.status === 'sending' ? 'active' : broadcast.status === 'cancelled' ? 'exception' : 'success'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {stats.sent} / {stats.recipients}
        {stats.skipped ? ` · 跳过 ${stats.skipped}` : ''}
      </Typography.Text>
    </div>
  );
}
