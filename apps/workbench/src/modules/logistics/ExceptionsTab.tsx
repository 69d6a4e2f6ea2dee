import type { LogisticsExceptionView } from '@golddesk/contracts';
import { MessageOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useServerText } from '../../platform/server-text';
import { useStore } from '../../platform/store';
import { fetchExceptions, resolveException } from './logistics.api';
import { exceptionStore, loadOpenExceptions, putException } from './logistics.store';
import { TrackingTimeline } from './TrackingTimeline';

const KIND_COLOR: Record<LogisticsExceptionView['kind'], string> = {
  no_update: 'orange',
  returned: 'red',
  damaged: 'magenta',
  exception: 'volcano',
};

/** 异常件: parcels needing an agent, the longest-waiting first, with 处理 (a note) and a link to the buyer's chat. */
export function ExceptionsTab({ onOpenConversation }: { onOpenConversation: (conversationId: string) => void }) {
  const { t } = useTranslation();
  const word = useServerText();
  const { message } = AntApp.useApp();
  const [show, setShow] = useState<'open' | 'resolved'>('open');
  const openState = useStore(exceptionStore, (s) => s);
  const [resolved, setResolved] = useState<LogisticsExceptionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resolving, setResolving] = useState<LogisticsExceptionView | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (show === 'open') {
      void loadOpenExceptions(true);
      return;
    }
    const controller = new AbortController();
    fetchExceptions('resolved', controller.signal)
      .then((answer) => setResolved(answer.exceptions))
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [show]);

  const rows = useMemo(
    () =>
      show === 'open' ? Object.values(openState.open).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)) : (resolved ?? []),
    [show, openState.open, resolved],
  );

  async function submitResolve() {
    if (!resolving) return;
    setSaving(true);
    try {
      putException(await resolveException(resolving.id, note.trim()));
      void message.success(t('logistics.exceptions.resolved'));
      setResolving(null);
      setNote('');
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const columns: TableColumnsType<LogisticsExceptionView> = [
    {
      key: 'order',
      title: t('logistics.exceptions.order'),
      width: 210,
      render: (_v, e) => (
        <div>
          <Typography.Text copyable={{ text: e.order.orderNo }} data-testid="exception-order-no">
            {e.order.orderNo}
          </Typography.Text>
          <div className="muted">{[e.order.carrier, e.order.trackingNo].filter(Boolean).join(' ')}</div>
        </div>
      ),
    },
    {
      key: 'buyer',
      title: t('logistics.exceptions.buyer'),
      width: 130,
      render: (_v, e) => <span data-testid="exception-buyer">{e.buyer.nick}</span>,
    },
    {
      key: 'kind',
      title: t('logistics.exceptions.kind'),
      width: 120,
      render: (_v, e) => (
        <Tag color={KIND_COLOR[e.kind]} data-testid="exception-kind">
          {t(`logistics.kinds.${e.kind}`)}
        </Tag>
      ),
    },
    {
      key: 'detail',
      title: t('logistics.exceptions.detail'),
      render: (_v, e) => (
        <div className="exception-detail">
          <div>{word(e.detail, e.detailText)}</div>
          {e.resolvedAt && (
            <div className="muted">
              {t('logistics.exceptions.resolvedBy', {
                // No agent: the server closed it itself (the parcel moved again).
                name: e.resolvedBy?.id ? e.resolvedBy.name : t('chat.sender.system'),
                time: dayjs(e.resolvedAt).format('MM-DD HH:mm'),
              })}
              {e.note ? `${t('customer.colon')}${word(e.note, e.noteText)}` : ''}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'since',
      title: t('logistics.exceptions.since'),
      width: 130,
      render: (_v, e) => (
        <Tooltip title={dayjs(e.raisedAt).format('YYYY-MM-DD HH:mm')}>
          <span>{dayjs(e.raisedAt).format('MM-DD HH:mm')}</span>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('logistics.exceptions.actions'),
      width: 190,
      render: (_v, e) => (
        <Space size={4}>
          {!e.resolvedAt && (
            <Button size="small" type="primary" onClick={() => setResolving(e)} data-testid="exception-resolve">
              {t('logistics.exceptions.resolve')}
            </Button>
          )}
          <Tooltip title={e.conversationId ? null : t('logistics.exceptions.noChat')}>
            <Button
              size="small"
              icon={<MessageOutlined />}
              disabled={!e.conversationId}
              onClick={() => e.conversationId && onOpenConversation(e.conversationId)}
              data-testid="exception-open-chat"
            >
              {t('logistics.exceptions.openChat')}
            </Button>
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="logistics-exceptions">
      <div className="logistics-toolbar">
        <Segmented
          value={show}
          onChange={(value) => setShow(value as 'open' | 'resolved')}
          options={[
            { value: 'open', label: `${t('logistics.exceptions.showOpen')} (${Object.keys(openState.open).length})` },
            { value: 'resolved', label: t('logistics.exceptions.showResolved') },
          ]}
          data-testid="exception-filter"
        />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<LogisticsExceptionView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={show === 'open' ? !openState.loaded : resolved === null}
        locale={{ emptyText: t('logistics.exceptions.empty') }}
        expandable={{
          expandedRowRender: (e) => <TrackingTimeline orderId={e.order.id} />,
          columnTitle: t('logistics.exceptions.timeline'),
        }}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(e) =>
          ({ 'data-testid': 'exception-row', 'data-kind': e.kind, 'data-order-id': e.order.id }) as HTMLAttributes<HTMLElement>
        }
      />
      <Modal
        open={!!resolving}
        title={resolving ? `${t('logistics.exceptions.resolveTitle')} · ${resolving.order.orderNo}` : ''}
        onCancel={() => setResolving(null)}
        onOk={() => void submitResolve()}
        okText={t('logistics.exceptions.resolve')}
        okButtonProps={{ loading: saving, 'data-testid': 'exception-resolve-submit' }}
        destroyOnHidden
      >
        {resolving && (
          <>
            <p>
              <Tag color={KIND_COLOR[resolving.kind]}>{t(`logistics.kinds.${resolving.kind}`)}</Tag>
              {resolving.buyer.nick} · {word(resolving.detail, resolving.detailText)}
            </p>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={200}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('logistics.exceptions.notePlaceholder')}
              aria-label={t('logistics.exceptions.note')}
              data-testid="exception-resolve-note"
            />
          </>
        )}
      </Modal>
    </div>
  );
}
