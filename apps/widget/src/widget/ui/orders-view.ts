import { formatFen } from '@golddesk/contracts/money';
import { h, safeUrl } from '../../shared/dom.js';
import type { OrderCard, OrderView } from '../types.js';
import { ORDER_STATUS, formatTime } from './message-view.js';

/** What the orders view needs from the widget. */
export interface OrdersHandlers {
  /** GET /api/v1/widget/orders. */
  load: () => Promise<OrderView[]>;
  /** The buyer pressed 发送 on an order. */
  onSend: (card: OrderCard) => void;
  /** 返回聊天. */
  onBack: () => void;
  /** 申请售后 pressed on a paid order; its label in the widget's language. */
  apply?: { label: string; states: readonly string[]; onApply: (order: OrderView) => void };
}

/** The card an order becomes in chat (same shape the server sends back). */
export function orderCardOf(order: OrderView): OrderCard {
  const first = order.items[0];
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    status: order.status,
    totalFen: order.totalFen,
    itemCount: order.items.reduce((n, item) => n + item.quantity, 0),
    title: first ? (order.items.length > 1 ? `${first.title} 等 ${order.items.length} 件` : first.title) : order.orderNo,
    imageUrl: first?.imageUrl ?? null,
  };
}

/** 我的订单: the verified buyer's orders, each with 发送 to put it into the chat as a card. */
export class OrdersView {
  readonly element: HTMLElement;
  readonly #body: HTMLElement;
  readonly #title: HTMLElement;
  readonly #base: string;
  readonly #handlers: OrdersHandlers;
  #loading = 0;

  constructor(base: string, handlers: OrdersHandlers) {
    this.#base = base;
    this.#handlers = handlers;
    this.#body = h('div', { class: 'gd-orders-body' });
    this.element = h('section', { class: 'gd-orders', testid: 'gd-orders', attrs: { hidden: true, 'aria-label': '我的订单' } }, [
      h('div', { class: 'gd-orders-head' }, [
        h('button', {
          class: 'gd-orders-back',
          text: '‹ 返回聊天',
          testid: 'gd-orders-back',
          attrs: { type: 'button' },
          on: { click: handlers.onBack },
        }),
        (this.#title = h('span', { class: 'gd-orders-title', text: '我的订单' })),
      ]),
      this.#body,
    ]);
  }

  /** Loads the list afresh (orders change while the buyer chats). */
  async reload(): Promise<void> {
    const ticket = ++this.#loading;
    this.#title.textContent = '我的订单';
    this.#body.replaceChildren(h('div', { class: 'gd-empty', text: '订单加载中…' }));
    let orders: OrderView[];
    try {
      orders = await this.#handlers.load();
    } catch {
      if (ticket !== this.#loading) return;
      this.#body.replaceChildren(
        h('div', { class: 'gd-empty' }, [
          '订单加载失败，',
          h('button', { class: 'gd-link', text: '点击重试', attrs: { type: 'button' }, on: { click: () => void this.reload() } }),
        ]),
      );
      return;
    }
    if (ticket !== this.#loading) return;
    this.#body.replaceChildren(
      ...(orders.length ? orders.map((order) => this.#row(order)) : [h('div', { class: 'gd-empty', text: '您还没有订单' })]),
    );
  }

  /** Shows a form (申请售后) in place of the list, under its own title; reload() brings the list back. */
  show(title: string, content: HTMLElement): void {
    this.#loading += 1;
    this.#title.textContent = title;
    this.#body.replaceChildren(content);
    this.#body.scrollTop = 0;
  }

  #row(order: OrderView): HTMLElement {
    const apply = this.#handlers.apply;
    const card = orderCardOf(order);
    const image = safeUrl(card.imageUrl, this.#base);
    return h('div', { class: 'gd-order-item', testid: 'gd-order-item', attrs: { 'data-order-id': order.id } }, [
      h('div', { class: 'gd-order-item-top' }, [
        h('span', { class: 'gd-order-no', text: `订单号 ${order.orderNo}` }),
        h('span', { class: 'gd-order-status', text: ORDER_STATUS[order.status] ?? order.status }),
      ]),
      h('div', { class: 'gd-order-item-main' }, [
        image
          ? h('img', { class: 'gd-product-img', attrs: { src: image, alt: '', loading: 'lazy' } })
          : h('div', { class: 'gd-product-img gd-product-placeholder', text: '订单' }),
        h('div', { class: 'gd-product-info' }, [
          h('div', { class: 'gd-product-title', text: card.title }),
          h('div', { class: 'gd-order-no', text: `下单 ${formatTime(order.placedAt)}` }),
        ]),
      ]),
      h('div', { class: 'gd-order-item-foot' }, [
        h('span', {}, [`共 ${card.itemCount} 件 合计 `, h('b', { class: 'gd-product-price', text: formatFen(order.totalFen) })]),
        h('span', { class: 'gd-order-actions' }, [
          apply?.states.includes(order.status)
            ? h('button', {
                class: 'gd-product-send gd-order-apply',
                text: apply.label,
                testid: 'gd-order-apply',
                attrs: { type: 'button', 'aria-label': `${apply.label} ${order.orderNo}` },
                on: { click: () => apply.onApply(order) },
              })
            : null,
          h('button', {
            class: 'gd-product-send',
            text: '发送',
            testid: 'gd-order-send',
            attrs: { type: 'button', 'aria-label': `发送订单 ${order.orderNo}` },
            on: { click: () => this.#handlers.onSend(card) },
          }),
        ]),
      ]),
    ]);
  }
}
