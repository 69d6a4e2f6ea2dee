import type { OrderView } from '@golddesk/contracts';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../chat/MessageContent';

const STATUS_COLOR: Record<OrderView['status'], string> = {
  pending_payment: 'orange',
  paid: 'blue',
  shipped: 'cyan',
  signed: 'geekblue',
  completed: 'green',
  closed: 'default',
};

/** One order: status tag, items with SKU properties, total, carrier and tracking number. */
export function OrderCard({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  return (
    <div className="order-card" data-testid="order-card" data-order-status={order.status}>
      <div className="order-head">
        <Typography.Text type="secondary" className="order-no" copyable={{ text: order.orderNo }}>
          {order.orderNo}
        </Typography.Text>
        <Tag color={STATUS_COLOR[order.status]} data-testid="order-status">
          {t(`customer.status.${order.status}`)}
        </Tag>
      </div>
      {order.items.map((item, index) => (
        <div className="order-item" key={`${item.productId}-${index}`}>
          {item.imageUrl ? <img src={item.imageUrl} alt="" className="order-item-image" /> : <div className="order-item-image placeholder" />}
          <div className="order-item-info">
            <div className="order-item-title" title={item.title}>
              {item.title}
            </div>
            <div className="order-item-sku">
              {Object.entries(item.skuProps)
                .map(([key, value]) => `${key}：${value}`)
                .join('；')}
            </div>
          </div>
          <div className="order-item-price">
            <div>{formatYuan(item.priceFen)}</div>
            <div className="muted">{t('customer.quantity', { n: item.quantity })}</div>
          </div>
        </div>
      ))}
      <div className="order-foot">
        <span className="muted">
          {t('customer.placedAt')} {dayjs(order.placedAt).format('YYYY-MM-DD HH:mm')}
        </span>
        <span>
          {t('customer.total')} <strong className="price">{formatYuan(order.totalFen)}</strong>
        </span>
      </div>
      {(order.carrier || order.trackingNo) && (
        <div className="order-logistics" data-testid="order-logistics">
          {t('customer.carrier')}{t('customer.colon')}{order.carrier ?? '—'}
          {order.trackingNo && (
            <>
              {' · '}
              {t('customer.tracking')}{t('customer.colon')}
              <Typography.Text copyable className="tracking-no">
                {order.trackingNo}
              </Typography.Text>
            </>
          )}
        </div>
      )}
      {order.memo && (
        <div className="order-memo">
          {t('customer.memo')}{t('customer.colon')}{order.memo}
        </div>
      )}
    </div>
  );
}
