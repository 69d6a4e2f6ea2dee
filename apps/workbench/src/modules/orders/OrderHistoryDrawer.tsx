import type { AuditEntry, OrderView } from '@golddesk/contracts';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Drawer, Empty, Skeleton, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../platform/api-client';
import { listOrderAudit } from './order.api';
import { actionLabel, describeFields } from './order-format';
import type { OrderDialogProps } from './use-order-action';

type Loaded = { entries: AuditEntry[] | null; error: string | null; forbidden?: boolean };

/** 操作记录: who changed the order, when, and what it was before → after (newest first). */
export function OrderHistoryDrawer({ order, open, onClose }: OrderDialogProps<OrderView>) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ entries: null, error: null });

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setLoaded({ entries: null, error: null });
    listOrderAudit(order.id, controller.signal)
      .then((entries) => setLoaded({ entries, error: null }))
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        // A role that may not read the log (policy changed, or an old tab) gets a plain explanation, not an error.
        const forbidden = caught instanceof ApiError && caught.status === 403;
        setLoaded({ entries: null, error: forbidden ? t('orders.history.forbidden') : errorMessage(caught), forbidden });
      });
    return () => controller.abort();
    // Reload when the order changes while the drawer is open (another agent, an approval).
  }, [open, order, t]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={400}
      title={t('orders.history.title', { orderNo: order.orderNo })}
      destroyOnHidden
    >
      <div data-testid="order-history">
        {loaded.error ? (
          <Alert
            type={loaded.forbidden ? 'info' : 'error'}
            showIcon
            title={loaded.error}
            data-testid={loaded.forbidden ? 'order-history-forbidden' : undefined}
          />
        ) : !loaded.entries ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : loaded.entries.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.history.empty')} />
        ) : (
          <Timeline
            items={loaded.entries.map((entry) => ({
              key: entry.id,
              content: <HistoryEntry entry={entry} />,
            }))}
          />
        )}
      </div>
    </Drawer>
  );
}

function HistoryEntry({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = describeFields(t, entry.before);
  const after = describeFields(t, entry.after);
  return (
    <div className="history-entry" data-testid="order-history-entry" data-action={entry.action}>
      <div className="history-head">
        <strong>{actionLabel(t, entry)}</strong>
        <span className="muted">
          {entry.actor.name} · {dayjs(entry.createdAt).format('MM-DD HH:mm:ss')}
        </span>
      </div>
      <div className="history-change">
        {before.length > 0 && (
          <div className="history-before">
            {before.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        )}
        {before.length > 0 && after.length > 0 && <ArrowRightOutlined className="history-arrow" />}
        {after.length > 0 && (
          <div className="history-after">
            {after.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
