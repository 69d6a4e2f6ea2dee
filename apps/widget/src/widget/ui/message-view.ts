import { isLargeEmojiMessage } from '@golddesk/contracts/emoji';
import { formatFen } from '@golddesk/contracts/money';
import { h, safeUrl } from '../../shared/dom.js';
import type { Message, OrderCard, PendingMessage, ProductCard } from '../types.js';

/** What a message row needs from the widget. */
export interface MessageViewContext {
  /** Server origin, to resolve relative attachment URLs. */
  base: string;
  agentReadSeq: number;
  onRetry: (clientMsgId: string) => void;
  /** An image finished loading (the list may need to scroll). */
  onMediaLoad: () => void;
}

const URL_PATTERN = /https?:\/\/[^\s<>"'，。！？、）】]+/g;

/** Text with http(s) links made clickable; everything goes through textContent. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    if (index > last) fragment.append(text.slice(last, index));
    const href = safeUrl(match[0], location.href);
    fragment.append(
      href
        ? h('a', { class: 'gd-link', text: match[0], attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
        : match[0],
    );
    last = index + match[0].length;
  }
  if (last < text.length) fragment.append(text.slice(last));
  return fragment;
}

/** A product card (image, title, ¥price), used in messages and for the product being viewed. */
export function productCard(product: ProductCard, base: string, extraClass = ''): HTMLElement {
  const image = safeUrl(product.imageUrl, base);
  const link = safeUrl(product.url, base);
  const card = h(link ? 'a' : 'div', {
    class: `gd-product ${extraClass}`.trim(),
    attrs: link ? { href: link, target: '_blank', rel: 'noopener noreferrer' } : {},
  });
  card.append(
    image
      ? h('img', { class: 'gd-product-img', attrs: { src: image, alt: '', loading: 'lazy' } })
      : h('div', { class: 'gd-product-img gd-product-placeholder', text: '商品' }),
    h('div', { class: 'gd-product-info' }, [
      h('div', { class: 'gd-product-title', text: product.title }),
      h('div', { class: 'gd-product-price', text: formatFen(product.priceFen) }),
    ]),
  );
  return card;
}

/** Order states in the buyer's words. */
export const ORDER_STATUS: Record<string, string> = {
  pending_payment: '待付款',
  paid: '已付款',
  shipped: '已发货',
  signed: '已签收',
  completed: '交易成功',
  closed: '交易关闭',
};

/** An order card (order no., first item, ¥total, status in words). */
export function orderCard(order: OrderCard, base: string): HTMLElement {
  const image = safeUrl(order.imageUrl, base);
  return h(
    'div',
    {
      class: 'gd-product gd-order',
      testid: 'gd-order-card',
      attrs: { 'data-order-id': order.orderId, 'data-status': order.status },
    },
    [
      image
        ? h('img', { class: 'gd-product-img', attrs: { src: image, alt: '', loading: 'lazy' } })
        : h('div', { class: 'gd-product-img gd-product-placeholder', text: '订单' }),
      h('div', { class: 'gd-product-info' }, [
        h('div', { class: 'gd-product-title', text: order.title }),
        h('div', { class: 'gd-order-no', text: `订单号 ${order.orderNo}` }),
        h('div', { class: 'gd-order-foot' }, [
          h('span', { class: 'gd-product-price', text: formatFen(order.totalFen) }),
          h('span', { class: 'gd-order-status', text: ORDER_STATUS[order.status] ?? order.status }),
        ]),
      ]),
    ],
  );
}

function bubbleContent(
  kind: Message['kind'],
  body: string,
  imageUrl: string | null,
  product: ProductCard | null | undefined,
  context: MessageViewContext,
  order?: OrderCard | null,
): HTMLElement {
  if (kind === 'image' && imageUrl) {
    const img = h('img', { class: 'gd-image', attrs: { src: imageUrl, alt: '图片' } });
    img.addEventListener('load', context.onMediaLoad);
    const link = h(
      'a',
      { class: 'gd-bubble gd-bubble--media', attrs: { href: imageUrl, target: '_blank', rel: 'noopener noreferrer' } },
      [img],
    );
    return link;
  }
  if (kind === 'product' && product) {
    return h('div', { class: 'gd-bubble gd-bubble--media' }, [productCard(product, context.base)]);
  }
  if (kind === 'order' && order) {
    return h('div', { class: 'gd-bubble gd-bubble--media' }, [orderCard(order, context.base)]);
  }
  return h('div', { class: isLargeEmojiMessage(body) ? 'gd-bubble gd-bubble--emoji' : 'gd-bubble' }, [richText(body)]);
}

/** A stored message row (`data-testid="gd-message"`, `data-sender`, `data-seq`). */
export function messageRow(message: Message, context: MessageViewContext): HTMLElement {
  if (message.sender === 'system') {
    // A centred notice from the shop (改价, 改地址…), with the order it is about under it.
    return h('div', { class: 'gd-sysrow', testid: 'gd-message', attrs: { 'data-sender': 'system', 'data-seq': message.seq } }, [
      h('div', { class: 'gd-system', text: message.body, testid: 'gd-system' }),
      message.order ? orderCard(message.order, context.base) : null,
    ]);
  }
  const mine = message.sender === 'buyer';
  const name = message.sender === 'bot' ? '自动回复' : message.sender === 'agent' ? (message.agent?.name ?? '客服') : null;
  const row = h(
    'div',
    {
      class: `gd-msg ${mine ? 'gd-msg--mine' : 'gd-msg--theirs'}`,
      testid: 'gd-message',
      attrs: { 'data-sender': message.sender, 'data-seq': message.seq, 'data-kind': message.kind },
    },
    [
      name ? h('div', { class: 'gd-msg-name', text: name }) : null,
      bubbleContent(
        message.kind,
        message.body,
        safeUrl(message.attachment?.url, context.base),
        message.product,
        context,
        message.order,
      ),
      mine ? h('div', { class: 'gd-msg-status' }) : null,
    ],
  );
  updateRowStatus(row, message.seq, context.agentReadSeq);
  return row;
}

/** Refreshes the 已读/未读 mark of a buyer message. */
export function updateRowStatus(row: HTMLElement, seq: number, agentReadSeq: number): void {
  const status = row.querySelector<HTMLElement>('.gd-msg-status');
  if (!status) return;
  const read = seq <= agentReadSeq;
  const text = read ? '已读' : '未读';
  if (status.textContent !== text) {
    status.textContent = text;
    status.classList.toggle('gd-msg-status--read', read);
    row.setAttribute('data-status', read ? 'read' : 'sent');
  }
}

/** A message still on its way (`data-status="sending"` or `"failed"`). */
export function pendingRow(pending: PendingMessage, context: MessageViewContext): HTMLElement {
  const status =
    pending.status === 'failed'
      ? h('button', {
          class: 'gd-msg-status gd-msg-status--failed',
          text: `${pending.error ?? '发送失败'}，点击重发`,
          attrs: { type: 'button' },
          on: { click: () => context.onRetry(pending.clientMsgId) },
        })
      : h('div', { class: 'gd-msg-status', text: '发送中…' });
  return h(
    'div',
    {
      class: 'gd-msg gd-msg--mine gd-msg--pending',
      testid: 'gd-message',
      attrs: {
        'data-sender': 'buyer',
        'data-status': pending.status,
        'data-client-msg-id': pending.clientMsgId,
        'data-kind': pending.kind,
      },
    },
    [bubbleContent(pending.kind, pending.body, pending.previewUrl ?? null, pending.product, context, pending.order), status],
  );
}

/** "11:05", or "11月23日 11:05" for another day. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const today = new Date();
  return date.toDateString() === today.toDateString() ? time : `${date.getMonth() + 1}月${date.getDate()}日 ${time}`;
}
