import { formatFen, pickCourier, type OrderView } from '@golddesk/contracts';
import { CarOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyRoleLabel } from '../../platform/role-label';
import { useServerText } from '../../platform/server-text';
import { useStore } from '../../platform/store';
import { useCan } from '../../platform/use-can';
import { courierStore, loadCourierPolicy, useOrderExceptions } from './logistics.store';
import { ShipModal } from './ShipModal';
import { TrackingTimeline } from './TrackingTimeline';
import './logistics.locales';
import './logistics.css';

/** Roles that ship (the server's policy; pre-sales does not). */

/** Red tags for the order's open logistics exceptions (退回, 破损, 长时间未更新…). */
export function OrderExceptionTags({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const word = useServerText();
  const exceptions = useOrderExceptions(orderId);
  return exceptions.map((e) => (
    <Tooltip key={e.id} title={word(e.detail, e.detailText)}>
      <Tag color="red" data-testid="order-logistics-exception" data-kind={e.kind}>
        {t(`logistics.kinds.${e.kind}`)}
      </Tag>
    </Tooltip>
  ));
}

/**
 * The order card's logistics row: before shipping, the courier the shop's rules suggest for the address
 * (建议：圆通 ¥5.00（按收货省份）) and 发货; after, 物流 opens the parcel's timeline and 改运单号 fixes a number.
 */
export function OrderLogistics({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const may = useCan();
  const myRole = useMyRoleLabel();
  const policy = useStore(courierStore, (s) => s);
  const [dialog, setDialog] = useState<'ship' | 'update' | null>(null);
  const [expanded, setExpanded] = useState(false);
  const beforeShipping = order.status === 'pending_payment' || order.status === 'paid';
  const hasParcel = !!order.trackingNo && ['shipped', 'signed', 'completed'].includes(order.status);

  useEffect(() => {
    if (beforeShipping) void loadCourierPolicy();
  }, [beforeShipping]);

  const quote =
    beforeShipping && policy
      ? pickCourier(policy.rules, order.receiver.address, order.weightKg ?? 1, policy.settings?.enabledCarriers)
      : null;
  const choice = quote?.choice ?? null;
  const mayShip = may('orders.ship');
  const shipBlocked =
    order.status !== 'paid'
      ? t('logistics.card.shipState', { status: t(`customer.status.${order.status}`) })
      : mayShip
        ? null
        : t('logistics.card.shipRole', { role: myRole });

  if (!beforeShipping && !hasParcel) return null;
  return (
    <div className="order-logistics-bar" data-testid="order-logistics-bar">
      <div className="order-logistics-row">
        {beforeShipping ? (
          <span className="courier-suggestion" data-testid="courier-suggestion">
            {choice &&
              t('logistics.card.suggest', {
                carrier: choice.carrierName.replace(/(速递|快递|速运)$/, ''),
                cost: formatFen(choice.costFen),
                weight:
                  order.weightKg === null
                    ? t('logistics.card.weightUnknown')
                    : t('logistics.card.weight', { kg: order.weightKg.toFixed(1) }),
                by: t(choice.matchedBy === 'province' ? 'logistics.card.byProvince' : 'logistics.card.byDefault'),
              })}
          </span>
        ) : (
          <span />
        )}
        <span className="order-logistics-buttons">
          {order.status === 'paid' && (
            <Tooltip title={shipBlocked}>
              <Button
                size="small"
                type="primary"
                ghost
                icon={<CarOutlined />}
                disabled={!!shipBlocked}
                onClick={() => setDialog('ship')}
                data-testid="order-action-ship"
              >
                {t('logistics.card.ship')}
              </Button>
            </Tooltip>
          )}
          {hasParcel && order.status === 'shipped' && mayShip && (
            <Button size="small" onClick={() => setDialog('update')} data-testid="order-action-update-tracking">
              {t('logistics.card.updateTracking')}
            </Button>
          )}
          {hasParcel && (
            <Button
              size="small"
              onClick={() => setExpanded((v) => !v)}
              data-testid="order-tracking-toggle"
              aria-expanded={expanded}
            >
              {t('logistics.card.track')} {expanded ? <UpOutlined /> : <DownOutlined />}
            </Button>
          )}
        </span>
      </div>
      {expanded && hasParcel && <TrackingTimeline orderId={order.id} refreshKey={`${order.trackingNo}-${order.status}`} />}
      {dialog && (
        <ShipModal
          order={order}
          open
          mode={dialog}
          onClose={() => setDialog(null)}
          enabledCarriers={policy?.settings?.enabledCarriers ?? null}
          suggested={choice?.carrier ?? null}
        />
      )}
    </div>
  );
}
