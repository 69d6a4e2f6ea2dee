import type { OrderView } from '@golddesk/contracts';
import { Alert, Drawer, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { paths } from '../../platform/navigation';
import { CopyLinkButton } from '../../platform/ui/CopyLinkButton';
import { fetchOrder } from '../orders';
import { OrderCard } from './OrderCard';
import './crm.locales';

interface OrderDrawerProps {
  /** The order of the address /orders/:orderId. */
  orderId: string;
  onClose: () => void;
}

type Loaded = { id: string; order: OrderView | null; error: string | null };

/**
 * One order opened from its link, beside the workbench: the card the right pane shows (status, lines, logistics,
 * actions). No 发送订单卡片 here: the drawer does not know which chat it would go to.
 */
export function OrderDrawer({ orderId, onClose }: OrderDrawerProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchOrder(orderId, controller.signal)
      .then((order) => setLoaded({ id: orderId, order, error: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ id: orderId, order: null, error: errorMessage(error) });
      });
    return () => controller.abort();
  }, [orderId]);

  const current = loaded?.id === orderId ? loaded : null;
  return (
    <Drawer
      open
      onClose={onClose}
      mask={false}
      size={420}
      className="order-drawer"
      title={t('crm.orderTitle', { orderNo: current?.order?.orderNo ?? '' })}
      extra={<CopyLinkButton path={paths.order(orderId)} withLabel testId="order-drawer-copy-link" />}
      data-testid="order-drawer"
    >
      {!current ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : current.order ? (
        <OrderCard order={current.order} conversationId={null} />
      ) : (
        <Alert type="error" showIcon title={current.error} data-testid="order-drawer-error" />
      )}
    </Drawer>
  );
}
