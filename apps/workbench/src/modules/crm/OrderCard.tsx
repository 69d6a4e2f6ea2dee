import { formatFen, type OrderView } from '@golddesk/contracts';
import { FlagFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { paths } from '../../platform/navigation';
import { useStore } from '../../platform/store';
import { CopyLinkButton } from '../../platform/ui/CopyLinkButton';
import { useCan } from '../../platform/use-can';
import { approvalStore } from '../approvals';
import { OrderActions, OrderSteps, MEMO_FLAGS, useOrder } from '../orders';
import { OrderExceptionTags, OrderLogistics } from '../logistics';
import { shownPhone } from './customer.api';
import './crm.css';

const STATUS_COLOR: Record<OrderView['status'], string> = {
  pending_payment: 'orange',
  paid: 'blue',
  shipped: 'cyan',
  signed: 'geekblue',
  completed: 'green',
  closed: 'default',
};

interface OrderCardProps {
  /** The order as the profile listed it; the card shows the latest copy (actions, order.updated). */
  order: OrderView;
  /** The open conversation, for 发送订单卡片. */
  conversationId: string | null;
}

/** One order: status, items with SKU properties, total (and the price before 改价), logistics, memo with its flag, actions. */
export function OrderCard({ order: listed, conversationId }: OrderCardProps) {
  const { t } = useTranslation();
  const may = useCan();
  const order = useOrder(listed);
  const awaitingApproval = useStore(approvalStore, (s) => s.pending.some((a) => a.orderId === listed.id));
  return (
    <div
      className="order-card"
      data-testid="order-card"
      data-order-id={order.id}
      data-status={order.status}
      data-order-status={order.status}
    >
      <div className="order-head">
        <span className="order-no-line">
          <Typography.Text type="secondary" className="order-no" copyable={{ text: order.orderNo }}>
            {order.orderNo}
          </Typography.Text>
          <CopyLinkButton path={paths.order(order.id)} size="small" testId="order-copy-link" />
        </span>
        <span className="order-tags">
          <OrderExceptionTags orderId={order.id} />
          {awaitingApproval && (
            <Tag color="purple" data-testid="order-awaiting-approval">
              {t('orders.awaitingApproval')}
            </Tag>
          )}
          <Tag color={STATUS_COLOR[order.status]} data-testid="order-status">
            {t(`customer.status.${order.status}`)}
          </Tag>
        </span>
      </div>
      {order.items.map((item, index) => (
        <div className="order-item" key={`${item.productId}-${index}`}>
          {item.imageUrl ? (
            <img src={item.imageUrl} alt="" className="order-item-image" />
          ) : (
            <div className="order-item-image placeholder" />
          )}
          <div className="order-item-info">
            <div className="order-item-title" title={item.title}>
              {item.title}
            </div>
            <div className="order-item-sku" data-testid="order-item-sku">
              {Object.entries(item.skuProps)
                .map(([key, value]) => `${key}：${value}`)
                .join('；')}
            </div>
          </div>
          <div className="order-item-price">
            <div>{formatFen(item.priceFen)}</div>
            <div className="muted">{t('customer.quantity', { n: item.quantity })}</div>
          </div>
        </div>
      ))}
      <div className="order-foot">
        <OrderSteps order={order} />
        <span>
          {t(order.status === 'pending_payment' || order.status === 'closed' ? 'customer.due' : 'customer.total')}{' '}
          {order.originalTotalFen !== null && order.originalTotalFen !== order.totalFen && (
            <Tooltip title={t('orders.price.original')}>
              <s className="muted original-price" data-testid="order-original-total">
                {formatFen(order.originalTotalFen)}
              </s>{' '}
            </Tooltip>
          )}
          <strong className="price" data-testid="order-total">
            {formatFen(order.totalFen)}
          </strong>
        </span>
      </div>
      <div className="order-receiver" data-testid="order-receiver" title={order.receiver.address}>
        {t('customer.receiver')}
        {t('customer.colon')}
        {order.receiver.name}{' '}
        <span className="order-receiver-phone" data-testid="order-receiver-phone">
          {shownPhone(order.receiver.phone, may('buyers.see_full_phone'))}
        </span>{' '}
        {order.receiver.address}
      </div>
      {(order.carrier || order.trackingNo) && (
        <div className="order-logistics" data-testid="order-logistics">
          {t('customer.carrier')}
          {t('customer.colon')}
          {order.carrier ?? '—'}
          {order.trackingNo && (
            <>
              {' · '}
              {t('customer.tracking')}
              {t('customer.colon')}
              <Typography.Text copyable className="tracking-no">
                {order.trackingNo}
              </Typography.Text>
            </>
          )}
        </div>
      )}
      {order.status === 'closed' && order.closeReason && (
        <div className="order-closed" data-testid="order-close-reason">
          {t('orders.close.reasonShown')}
          {t('customer.colon')}
          {order.closeReason}
        </div>
      )}
      {(order.memo || order.memoFlag) && (
        <div className="order-memo" data-testid="order-memo" data-flag={order.memoFlag ?? ''}>
          {order.memoFlag && (
            <FlagFilled
              className="memo-flag"
              style={{ color: MEMO_FLAGS[order.memoFlag] }}
              aria-label={t(`orders.memo.flags.${order.memoFlag}`)}
            />
          )}
          {t('customer.memo')}
          {t('customer.colon')}
          {order.memo ?? ''}
        </div>
      )}
      <OrderLogistics order={order} />
      <OrderActions order={order} conversationId={conversationId} />
    </div>
  );
}
