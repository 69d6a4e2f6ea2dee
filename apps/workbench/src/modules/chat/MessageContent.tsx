import { formatFen, type MessageKind, type OrderCard, type ProductCard } from '@golddesk/contracts';
import { isLargeEmojiMessage } from '@golddesk/contracts/emoji';
import { Image } from 'antd';
import './emoji/emoji-message.css';
import { OrderCardMessage } from './OrderCardMessage';

interface MessageContentProps {
  kind: MessageKind;
  /** Verbatim text: rendered as a React text node, never as HTML. */
  body: string;
  imageUrl?: string | null;
  product?: ProductCard | null;
  order?: OrderCard | null;
}

/** The inside of a bubble: text, an image, a product card or an order card. */
export function MessageContent({ kind, body, imageUrl, product, order }: MessageContentProps) {
  if (kind === 'order' && order) return <OrderCardMessage card={order} />;
  if (kind === 'image' && imageUrl) {
    return <Image className="message-image" src={imageUrl} alt={body} width={180} data-testid="message-image" />;
  }
  if (kind === 'product' && product) {
    const card = (
      <div className="product-card" data-testid="product-card">
        {product.imageUrl ? (
          <img src={product.imageUrl} alt="" className="product-card-image" />
        ) : (
          <div className="product-card-image placeholder" />
        )}
        <div className="product-card-info">
          <div className="product-card-title">{product.title}</div>
          <div className="product-card-price">{formatFen(product.priceFen)}</div>
        </div>
      </div>
    );
    // Only plain web links: a product URL is data, and `javascript:` must never become clickable.
    return product.url && /^(https?:\/\/|\/)/i.test(product.url) ? (
      <a href={product.url} target="_blank" rel="noopener noreferrer" className="product-card-link">
        {card}
      </a>
    ) : (
      card
    );
  }
  return <div className={isLargeEmojiMessage(body) ? 'message-text message-text-emoji' : 'message-text'}>{body}</div>;
}
