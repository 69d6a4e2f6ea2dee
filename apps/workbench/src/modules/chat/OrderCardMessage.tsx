import { formatFen, type OrderCard } from '@golddesk/contracts';
import { useTranslation } from 'react-i18next';

/** An order card in chat: picture, order number, first item title, ¥total and the status in words. */
export function OrderCardMessage({ card }: { card: OrderCard }) {
  const { t } = useTranslation();
  return (
    <div className="chat-order-card" data-testid="chat-order-card" data-order-id={card.orderId} data-status={card.status}>
      {card.imageUrl ? (
        <img src={card.imageUrl} alt="" className="product-card-image" />
      ) : (
        <div className="product-card-image placeholder" />
      )}
      <div className="chat-order-info">
        <div className="chat-order-title" title={card.title}>
          {card.title}
        </div>
        <div className="muted chat-order-no">
          {t('customer.orderNo')}
          {t('customer.colon')}
          {card.orderNo}
        </div>
        <div className="chat-order-foot">
          <span className="product-card-price">{formatFen(card.totalFen)}</span>
          <span className="chat-order-status">{t(`customer.status.${card.status}`, { defaultValue: card.status })}</span>
        </div>
      </div>
    </div>
  );
}
