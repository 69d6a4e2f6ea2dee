import { PlusOutlined } from '@ant-design/icons';
import {
  BROADCAST_TEMPLATE_MAX, BROADCAST_THROTTLE_DEFAULT, BROADCAST_THROTTLE_MAX, BROADCAST_VARIABLES, fillBroadcastTemplate,
  type BroadcastRecipientView, type BroadcastView, type SegmentView,
} from '@golddesk/contracts';
import {
  Alert, App as AntApp, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Progress, Radio, Select,
  Skeleton, Space, Table, Tag, Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import {
  broadcastAction, createBroadcast, deleteBroadcast, fetchAudience, fetchBroadcasts, fetchRecipients, fetchSegments, type Audience,
} from './broadcasts.api';
import './broadcasts.locales';

const mayManage = (role: string) => role === 'owner' || role === 'manager';
const STATUS_COLOR = { draft: 'default', scheduled: 'blue', sending: 'processing', done: 'green', cancelled: 'red' } as const;
const time = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

/** 群发: broadcasts with status and figures (progress while sending), a create form, start/cancel and a detail drawer. */
export function BroadcastsSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = mayManage(session.agent.role);
  const [broadcasts, setBroadcasts] = useState<BroadcastView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);

  const load = (signal?: AbortSignal) =>
    fetchBroadcasts(signal).then(setBroadcasts).catch((caught: unknown) => !signal?.aborted && setError(errorMessage(caught)));
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
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="broadcast-add" style={{ marginBottom: 12 }}>
          {t('broadcasts.add')}
        </Button>
      )}
      <Table<BroadcastView>
        rowKey="id" size="small" dataSource={broadcasts} pagination={false} locale={{ emptyText: t('broadcasts.empty') }}
        onRow={(b) => ({ 'data-testid': `broadcast-row-${b.id}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: t('broadcasts.columns.title'), key: 'title',
            render: (_, b) => <Typography.Link onClick={() => setDetailId(b.id)}>{b.title}</Typography.Link>,
          },
          { title: t('broadcasts.columns.segment'), key: 'segment', render: (_, b) => b.segmentName ?? '—' },
          {
            title: t('broadcasts.columns.status'), key: 'status', width: 110,
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[b.status]} data-testid="broadcast-status" data-status={b.status}>{t(`broadcasts.status.${b.status}`)}</Tag>
                {b.paused && b.resumesAt && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('broadcasts.paused', { time: time(b.resumesAt) })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('broadcasts.columns.progress'), key: 'progress', width: 200,
            render: (_, b) => <BroadcastProgress broadcast={b} />,
          },
          { title: t('broadcasts.columns.read'), key: 'read', width: 70, render: (_, b) => b.stats.read },
          { title: t('broadcasts.columns.replied'), key: 'replied', width: 70, render: (_, b) => b.stats.replied },
          { title: t('broadcasts.columns.when'), key: 'when', width: 110, render: (_, b) => time(b.startedAt ?? b.scheduledAt) },
          {
            title: t('broadcasts.columns.actions'), key: 'actions', width: 190,
            render: (_, b) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setDetailId(b.id)}>{t('broadcasts.detail')}</Button>
                {editable && b.status === 'draft' && (
                  <>
                    <Button size="small" type="link" onClick={() => void act(b.id, 'start')} data-testid="broadcast-start">{t('broadcasts.start')}</Button>
                    <Button size="small" type="link" danger onClick={() => void act(b.id, 'delete')}>{t('broadcasts.delete')}</Button>
                  </>
                )}
                {editable && (b.status === 'scheduled' || b.status === 'sending') && (
                  <Popconfirm title={t('broadcasts.cancelConfirm')} onConfirm={() => act(b.id, 'cancel')}>
                    <Button size="small" type="link" danger data-testid="broadcast-cancel">{t('broadcasts.cancel')}</Button>
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
  if (broadcast.status === 'draft' || broadcast.status === 'scheduled' || stats.recipients === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const handled = stats.recipients - stats.pending;
  return (
    <div data-testid="broadcast-progress">
      <Progress
        percent={Math.round((handled / stats.recipients) * 100)} size="small"
        status={broadcast.status === 'sending' ? 'active' : broadcast.status === 'cancelled' ? 'exception' : 'success'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {stats.sent} / {stats.recipients}{stats.skipped ? ` · 跳过 ${stats.skipped}` : ''}
      </Typography.Text>
    </div>
  );
}

function CreateBroadcastModal({ onClose, onSaved }: { onClose(): void; onSaved(b: BroadcastView, start: boolean): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; template: string; segmentId: string; throttlePerMinute: number; when: 'now' | 'later'; at?: Dayjs }>();
  const [segments, setSegments] = useState<SegmentView[]>([]);
  const [audience, setAudience] = useState<Audience | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const template = Form.useWatch('template', form) ?? '';
  const segmentId = Form.useWatch('segmentId', form);
  const when = Form.useWatch('when', form);

  useEffect(() => {
    void fetchSegments().then(setSegments).catch((caught: unknown) => setError(errorMessage(caught)));
  }, []);
  useEffect(() => {
    setAudience(null);
    if (segmentId) void fetchAudience(segmentId).then(setAudience).catch(() => setAudience(null));
  }, [segmentId]);

  async function save(start: boolean) {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const saved = await createBroadcast({
        title: values.title, template: values.template, segmentId: values.segmentId, filter: null, throttlePerMinute: values.throttlePerMinute,
        scheduledAt: values.when === 'later' && values.at ? values.at.toISOString() : null,
      });
      await onSaved(saved, start);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const insert = (variable: string) => form.setFieldValue('template', `${form.getFieldValue('template') ?? ''}${variable}`);
  const preview = fillBroadcastTemplate(template, { buyerNick: '小雨', shopName: '本店', promotions: '全场满 300 减 40' });
  return (
    <Modal
      open title={t('broadcasts.form.title')} onCancel={onClose} width={620} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('broadcasts.form.cancel')}</Button>,
        <Button key="save" loading={saving} onClick={() => void save(false)}>{t('broadcasts.form.save')}</Button>,
        <Button key="start" type="primary" loading={saving} onClick={() => void save(true)} data-testid="broadcast-save-start">
          {t('broadcasts.form.saveAndStart')}
        </Button>,
      ]}
    >
      <div data-testid="broadcast-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ template: t('broadcasts.template'), throttlePerMinute: BROADCAST_THROTTLE_DEFAULT, when: 'now' }}>
          <Form.Item name="title" label={t('broadcasts.form.name')} rules={[{ required: true, whitespace: true, message: t('broadcasts.form.required') }]}>
            <Input maxLength={60} placeholder={t('broadcasts.form.namePlaceholder')} data-testid="broadcast-title" />
          </Form.Item>
          <Form.Item
            name="segmentId" label={t('broadcasts.form.segment')} rules={[{ required: true, message: t('broadcasts.form.required') }]}
            extra={audience ? <span data-testid="broadcast-audience">{t('broadcasts.form.audience', { ...audience })}</span> : undefined}
          >
            <Select
              placeholder={t('broadcasts.form.segmentPlaceholder')} data-testid="broadcast-segment"
              options={segments.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Form.Item label={t('broadcasts.form.template')} required>
            <Space size={4} wrap style={{ marginBottom: 6 }}>
              <Typography.Text type="secondary">{t('broadcasts.form.variables')}</Typography.Text>
              {BROADCAST_VARIABLES.map((v) => <Tag key={v} color="blue" style={{ cursor: 'pointer' }} onClick={() => insert(v)}>{v}</Tag>)}
            </Space>
            <Form.Item name="template" noStyle rules={[{ required: true, whitespace: true, message: t('broadcasts.form.required') }]}>
              <Input.TextArea rows={4} maxLength={BROADCAST_TEMPLATE_MAX} showCount data-testid="broadcast-template" />
            </Form.Item>
          </Form.Item>
          <div style={{ background: '#f6f8fa', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('broadcasts.form.preview', { nick: '小雨' })}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }} data-testid="broadcast-preview">{preview}</div>
          </div>
          <Space size={24} align="start">
            <Form.Item name="throttlePerMinute" label={t('broadcasts.form.throttle')} rules={[{ required: true }]}>
              <InputNumber min={1} max={BROADCAST_THROTTLE_MAX} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="when" label={t('broadcasts.form.schedule')}>
              <Radio.Group options={[{ value: 'now', label: t('broadcasts.form.now') }, { value: 'later', label: t('broadcasts.form.later') }]} />
            </Form.Item>
          </Space>
          {when === 'later' && (
            <Form.Item name="at" rules={[{ required: true, message: t('broadcasts.form.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}

function BroadcastDrawer({ broadcast, onClose }: { broadcast: BroadcastView | null; onClose(): void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [recipients, setRecipients] = useState<{ recipients: BroadcastRecipientView[]; total: number } | null>(null);
  const id = broadcast?.id;
  const sent = broadcast?.stats.sent;
  useEffect(() => {
    setRecipients(null);
    if (id) void fetchRecipients(id, page).then(setRecipients).catch(() => setRecipients({ recipients: [], total: 0 }));
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
            <Tag key={reason} style={{ marginLeft: 6 }}>{t(`broadcasts.reasons.${reason}`)} {n}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.read')}>
          {stats.read}{stats.sent ? ` (${Math.round((stats.read / stats.sent) * 100)}%)` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.stats.replied')}>
          {stats.replied}{stats.sent ? ` (${Math.round((stats.replied / stats.sent) * 100)}%)` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('broadcasts.columns.when')} span={2}>
          {time(broadcast.startedAt ?? broadcast.scheduledAt)}{broadcast.finishedAt ? ` → ${time(broadcast.finishedAt)}` : ''} · {broadcast.throttlePerMinute} 条/分钟
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, background: '#f6f8fa', padding: 8, borderRadius: 6 }}>
        {broadcast.template}
      </Typography.Paragraph>
      <Table<BroadcastRecipientView>
        rowKey="buyerId" size="small" loading={!recipients} dataSource={recipients?.recipients ?? []}
        pagination={{ current: page, pageSize: 10, total: recipients?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('broadcasts.columns.buyer'), dataIndex: 'buyerNick' },
          {
            title: t('broadcasts.columns.status'), key: 'status',
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.status === 'sent' ? 'green' : r.status === 'skipped' ? 'orange' : 'default'}>{t(`broadcasts.recipientStatus.${r.status}`)}</Tag>
                {r.reason && <Typography.Text type="secondary">{t(`broadcasts.reasons.${r.reason}`)}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('broadcasts.columns.sentAt'), key: 'sentAt', render: (_, r) => time(r.sentAt) },
          { title: t('broadcasts.columns.read'), key: 'read', render: (_, r) => (r.read ? '✓' : '') },
          { title: t('broadcasts.columns.replied'), key: 'replied', render: (_, r) => (r.replied ? '✓' : '') },
        ]}
      />
    </Drawer>
  );
}
