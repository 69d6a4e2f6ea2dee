import { formatFen, ORDER_VARIABLES, type QuickReplyVariableName, type QuickReplyVariables } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { findConversation, findLastBuyerText } from '../../conversations/index.js';
import { findBuyer } from '../../crm/index.js';
import { listBuyerOrders, type OrderWithItems } from '../../orders/index.js';
import { describeActivePromotions, describeFreeShipping } from '../../promotions/index.js';
import { describeShopHours, loadShopHours } from '../../shop-hours/index.js';
import { findShopById } from '../../shops/index.js';
import { situationWords } from './buyer-situation.js';

// The order a buyer most likely asks about: still moving (unpaid, paid, shipped) before finished ones.
const ACTIVE_STATUSES = ['pending_payment', 'paid', 'shipped'];
const RECENT_STATUSES = ['signed', 'completed'];

const WHY: Record<string, Record<Language, string>> = {
  no_order: {
    'zh-CN': '没有可用的订单号（该买家没有进行中的订单）',
    en: 'No order number available (the buyer has no open order)',
  },
  not_shipped: { 'zh-CN': '订单 {orderNo} 还未发货，没有物流信息', en: 'Order {orderNo} has not shipped yet: no logistics' },
  no_promotion: { 'zh-CN': '当前没有进行中的店铺活动', en: 'No shop campaign is running now' },
  no_free_shipping: {
    'zh-CN': '当前没有进行中的包邮活动（在 店铺活动 里添加）',
    en: 'No free-shipping campaign is running (add one in Promotions)',
  },
};

type Values = Partial<Record<QuickReplyVariableName, string>>;

function why(key: keyof typeof WHY, language: Language, orderNo = ''): string {
  return WHY[key]![language].replace('{orderNo}', orderNo);
}

/** The order the order variables come from: the newest open one, else the newest signed/completed one. */
export function pickOrder(orders: OrderWithItems[]): OrderWithItems | undefined {
  return orderCandidates(orders)[0];
}

/** The orders a phrase may cite, newest first: the open ones; only when none is open, the signed/completed ones. */
function orderCandidates(orders: OrderWithItems[]): OrderWithItems[] {
  const open = orders.filter((o) => ACTIVE_STATUSES.includes(o.order.status));
  return open.length ? open : orders.filter((o) => RECENT_STATUSES.includes(o.order.status));
}

/** One order's variables; logistics are missing until it ships. */
function orderVariables({ order, items }: OrderWithItems, language: Language): { values: Values; missing: Values } {
  const values: Values = { 订单号: order.order_no, 付款金额: formatFen(order.total_fen, { sign: false }) };
  const missing: Values = {};
  const titles = [...new Set(items.map((i) => i.title))];
  if (titles.length) values.商品名 = titles.length > 2 ? `${titles.slice(0, 2).join('、')}等` : titles.join('、');
  if (order.carrier && order.tracking_no) {
    values.物流公司 = order.carrier;
    values.物流单号 = order.tracking_no;
  } else {
    missing.物流公司 = missing.物流单号 = why('not_shipped', language, order.order_no);
  }
  return { values, missing };
}

/** The values of every variable for one conversation and agent; a missing one says why. */
export async function conversationVariables(
  app: AppContext,
  agent: AgentPrincipal,
  conversationId: string,
  language: Language,
): Promise<QuickReplyVariables> {
  const db = app.storage.db;
  const conversation = await findConversation(db, agent.shopId, conversationId);
  if (!conversation) throw new AppError('not_found', { thing: 'conversation' });
  const now = app.now();
  const [buyer, shop, orders, promotions, freeShipping, hours, asked] = await Promise.all([
    findBuyer(db, agent.shopId, conversation.buyer_id),
    findShopById(db, agent.shopId),
    listBuyerOrders(db, agent.shopId, conversation.buyer_id),
    describeActivePromotions(db, agent.shopId, now, language),
    describeFreeShipping(db, agent.shopId, now, language),
    loadShopHours(db, agent.shopId),
    findLastBuyerText(db, agent.shopId, conversationId),
  ]);
  // The shop's facts (promotions, hours) come from one place, so phrases and auto-replies never disagree.
  const values: Values = { 客服昵称: agent.name, 营业时间: describeShopHours(hours, language) };
  const missing: Values = {};
  if (buyer?.nick) values.买家昵称 = buyer.nick;
  if (shop?.name) values.店铺名 = shop.name;
  if (promotions) values.店铺活动 = promotions;
  else missing.店铺活动 = why('no_promotion', language);
  if (freeShipping) values.包邮门槛 = freeShipping;
  else missing.包邮门槛 = why('no_free_shipping', language);

  const candidates = orderCandidates(orders).map((o) => ({
    orderId: o.order.id,
    status: o.order.status,
    ...orderVariables(o, language),
  }));
  const chosen = candidates[0];
  if (chosen) {
    Object.assign(values, chosen.values);
    Object.assign(missing, chosen.missing);
  } else {
    for (const name of ORDER_VARIABLES) missing[name] = why('no_order', language);
  }
  const situation = {
    words: situationWords(asked),
    unpaidOrder: orders.some((o) => o.order.status === 'pending_payment'),
    shippedOrder: orders.some((o) => o.order.status === 'shipped'),
  };
  return { values, missing, orderId: chosen?.orderId ?? null, orders: candidates, situation } as QuickReplyVariables;
}
