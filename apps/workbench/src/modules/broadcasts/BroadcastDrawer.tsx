import type { BroadcastRecipientView, BroadcastView } from '@golddesk/contracts';
import { Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRecipients } from './broadcasts.api';

/** A broadcast's times as the list and the drawer show them. */
export const broadcastTime = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

/** One broadcast: its figures, template and the paged recipients with what happened to each. */
export function BroadcastDrawer({ broadcast, onClose }: { broadcast: BroadcastView | null; onClose(): void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [recipients, setRecipients] = useState<{ recipients: BroadcastRecipientView[]; total: number } | null>(null);
  const id = broadcast?.id;
  const sent = broadcast?.stats.sent;
  useEffect(() => {
    setRecipients(null);
    if (id)
      void fetchRecipients(id, page)
        .then(setRecipients)
        .catch(() => setRecipients({ recipients: [], total: 0 }));
  }, [id, page, sent]);
  useEffect(() => setPage(1), [id]);
  if (!broadcast) return <Drawer open={false} onClose={onClose} />;
  const { stats } = broadcast;
  return (
    <Drawer open title={broadcast.title} onClose={onClose} size="large" data-testid="broadcast-drawer">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('broadcasts.columns.status')}>{t(`broadcasts.status.${broadcast.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.columns.segment')}>{broadcast.segmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.recipients')}>{stats.recipients}</Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.sent')}>{stats.sent}</Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.pending')}>{stats.pending}</Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.skipped')}>
          {stats.skipped}
          {Object.entries(stats.skippedByReason).map(([reason, n]) => (
            <Tag key={reason} style={{ marginLeft: 6 }}>
              {t(`broadcasts.reasons.${reason}`)} {n}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.read')}>
          {stats.read}
          {stats.sent ? ` (${Math.round((stats.read / stats.sent) * 100)}%)` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.replied')}>
          {stats.replied}
          {stats.sent ? ` (${Math.round((stats.replied / stats.sent) * 100)}%)` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.columns.when')} span={2}>
          {broadcastTime(broadcast.startedAt ?? broadcast.scheduledAt)}
          {broadcast.finishedAt ? ` → ${broadcastTime(broadcast.finishedAt)}` : ''} ·{' '}
          {t('broadcasts.perMinute', { count: broadcast.throttlePerMinute })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, background: '#f6f8fa', padding: 8, borderRadius: 6 }}>
        {broadcast.template}
      </Typography.Paragraph>
      <Table<BroadcastRecipientView>
        rowKey="buyerId"
        size="small"
        loading={!recipients}
        dataSource={recipients?.recipients ?? []}
        pagination={{ current: page, pageSize: 10, total: recipients?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('broadcasts.columns.buyer'), dataIndex: 'buyerNick' },
          {
            title: t('broadcasts.columns.status'),
            key: 'status',
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.status === 'sent' ? 'green' : r.status === 'skipped' ? 'orange' : 'default'}>
                  {t(`broadcasts.recipientStatus.${r.status}`)}
                </Tag>
                {r.reason && <Typography.Text type="secondary">{t(`broadcasts.reasons.${r.reason}`)}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('broadcasts.columns.sentAt'), key: 'sentAt', render: (_, r) => broadcastTime(r.sentAt) },
          { title: t('broadcasts.columns.read'), key: 'read', render: (_, r) => (r.read ? '✓' : '') },
          { title: t('broadcasts.columns.replied'), key: 'replied', render: (_, r) => (r.replied ? '✓' : '') },
        ]}
      />
    </Drawer>
  );
}
