import type { QuickReplyVariableName, QuickReplyVariables } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { findConversation } from '../../conversations/conversation.repository.js';
import { listBuyerOrders, type OrderWithItems } from '../../orders/order.repository.js';
import { describeActivePromotions } from '../../promotions/index.js';
import { findShopById } from '../../shops/shop.repository.js';

// The order a buyer most likely asks about: still moving (unpaid, paid, shipped) before finished ones.
const ACTIVE_STATUSES = ['pending_payment', 'paid', 'shipped'];
const RECENT_STATUSES = ['signed', 'completed'];

const WHY: Record<string, Record<Language, string>> = {
  no_order: { 'zh-CN': '没有可用的订单号（该买家没有进行中的订单）', en: 'No order number available (the buyer has no open order)' },
  not_shipped: { 'zh-CN': '订单 {orderNo} 还未发货，没有物流信息', en: 'Order {orderNo} has not shipped yet: no logistics' },
  no_promotion: { 'zh-CN': '当前没有进行中的店铺活动', en: 'No shop campaign is running now' },
};

function why(key: keyof typeof WHY, language: Language, orderNo = ''): string {
  return WHY[key]![language].replace('{orderNo}', orderNo);
}

/** The order the order variables come from: the newest open one, else the newest signed/completed one. */
export function pickOrder(orders: OrderWithItems[]): OrderWithItems | undefined {
  return orders.find((o) => ACTIVE_STATUSES.includes(o.order.status)) ?? orders.find((o) => RECENT_STATUSES.includes(o.order.status));
}

/** The values of every variable for one conversation and agent; a missing one says why. */
export async function conversationVariables(
  app: AppContext, agent: AgentPrincipal, conversationId: string, language: Language,
): Promise<QuickReplyVariables> {
  const db = app.storage.db;
  const conversation = await findConversation(db, agent.shopId, conversationId);
  if (!conversation) throw new AppError('not_found', { thing: 'conversation' });
  const [buyer, shop, orders, promotions] = await Promise.all([
    db.selectFrom('buyers').select(['nick']).where('shop_id', '=', agent.shopId).where('id', '=', conversation.buyer_id).executeTakeFirst(),
    findShopById(db, agent.shopId),
    listBuyerOrders(db, agent.shopId, conversation.buyer_id),
    describeActivePromotions(db, agent.shopId, app.now(), language),
  ]);
  const values: Partial<Record<QuickReplyVariableName, string>> = { 客服昵称: agent.name };
  const missing: Partial<Record<QuickReplyVariableName, string>> = {};
  if (buyer?.nick) values.买家昵称 = buyer.nick;
  if (shop?.name) values.店铺名 = shop.name;
  if (promotions) values.店铺活动 = promotions;
  else missing.店铺活动 = why('no_promotion', language);

  const chosen = pickOrder(orders);
  if (chosen) {
    const { order, items } = chosen;
    values.订单号 = order.order_no;
    values.付款金额 = (order.total_fen / 100).toFixed(2);
    const titles = [...new Set(items.map((i) => i.title))];
    if (titles.length) values.商品名 = titles.length > 2 ? `${titles.slice(0, 2).join('、')}等` : titles.join('、');
    if (order.carrier && order.tracking_no) {
      values.物流公司 = order.carrier;
      values.物流单号 = order.tracking_no;
    } else {
      missing.物流公司 = missing.物流单号 = why('not_shipped', language, order.order_no);
    }
  } else {
    for (const name of ['订单号', '付款金额', '商品名', '物流公司', '物流单号'] as const) missing[name] = why('no_order', language);
  }
  return { values, missing, orderId: chosen?.order.id ?? null } as QuickReplyVariables;
}
