import { DEFAULT_PAYMENT_REMINDER_SETTINGS } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { listProductPrices } from '../catalogue/index.js';
import { listUnblockedBuyersByVisitorPrefix } from '../crm/index.js';
import { insertOrderWithItems, listUnpaidOrdersPlacedSince } from '../orders/index.js';
import { DEFAULT_SHOP_HOURS } from '../shop-hours/index.js';
import { nextCallWindow } from './call-windows.js';
import { insertPaymentReminders, insertReminderTasks, openReminderTask } from './payment-reminder.repository.js';
import { followUpReason } from './reminder-settings.js';

const MINUTE = 60_000;

/**
 * 催付 history for the demo shop: two reminded orders a day over the last 7 days (about half paid after the
 * reminder, so the figures chart shows something), two important orders still unpaid with open phone
 * tasks, and the demo's other unpaid orders of the last day marked as already reminded (no surprise chat
 * messages in the demo conversations a few seconds after start).
 */
export async function seedDemoPaymentReminders(trx: Transaction<Database>, { shopId, now }: { shopId: string; now: Date }) {
  const at = (ms: number) => new Date(ms).toISOString();
  // The everyday demo buyers only (not the CRM demo's sleeping regulars or the blacklisted one, whose stories
  // need them quiet); their zero-padded visitor ids sort alike on SQLite and PostgreSQL.
  const buyers = await listUnblockedBuyersByVisitorPrefix(trx, shopId, 'demo-buyer-');
  const products = await listProductPrices(trx, shopId);
  if (buyers.length < 4 || products.length === 0) return;
  const priciest = products.reduce((a, b) => (b.price_fen > a.price_fen ? b : a));

  const reminders: Database['payment_reminders'][] = [];
  // Orders unpaid for 24 h are closed by the marketplace: today's unpaid ones stay open and get tasks.
  for (let n = 0; n < 16; n++) {
    const day = Math.floor(n / 2);
    const buyer = buyers[(n * 5 + 3) % buyers.length]!;
    const unpaidToday = day === 0;
    // Today's unpaid ones are important orders (≥ ¥200): they are the open phone tasks.
    const product = unpaidToday ? priciest : products[(n * 7) % products.length]!;
    const quantity = unpaidToday
      ? Math.max(1, Math.ceil(DEFAULT_PAYMENT_REMINDER_SETTINGS.taskThresholdFen / product.price_fen))
      : 1 + (n % 2);
    const placed = now.getTime() - day * 24 * 60 * MINUTE - (90 + n * 37) * MINUTE;
    const first = placed + 10 * MINUTE;
    const paid = !unpaidToday && n % 3 !== 2;
    const closed = !unpaidToday && !paid;
    const orderId = newId();
    await insertOrderWithItems(
      trx,
      {
        id: orderId,
        shop_id: shopId,
        buyer_id: buyer.id,
        order_no: `${now.getUTCFullYear()}7${String(300_000_000 + n * 4_111)}`,
        status: paid ? 'paid' : closed ? 'closed' : 'pending_payment',
        total_fen: product.price_fen * quantity,
        receiver_name: `${buyer.nick.slice(0, 1)}女士`,
        receiver_phone: buyer.phone ?? '13800000000',
        receiver_address: `${buyer.province ?? '浙江省'}杭州市西湖区文三路 ${100 + n} 号`,
        receiver_province: buyer.province,
        carrier: null,
        tracking_no: null,
        memo: null,
        placed_at: at(placed),
        paid_at: paid ? at(first + (20 + n * 13) * MINUTE) : null,
        shipped_at: null,
        signed_at: null,
        completed_at: null,
        closed_at: closed ? at(placed + 24 * 60 * MINUTE) : null,
        close_reason: closed ? '超时未付款，交易自动关闭' : null,
        updated_at: at(placed),
      },
      [
        {
          order_id: orderId,
          product_id: product.id,
          title: product.title,
          sku_props: '{}',
          price_fen: product.price_fen,
          quantity,
        },
      ],
    );
    reminders.push({
      id: newId(),
      shop_id: shopId,
      order_id: orderId,
      seq: 1,
      buyer_id: buyer.id,
      message_id: null,
      sent_at: at(first),
    });
    if (!paid || n % 2 === 0) {
      reminders.push({
        id: newId(),
        shop_id: shopId,
        order_id: orderId,
        seq: 2,
        buyer_id: buyer.id,
        message_id: null,
        sent_at: at(first + 60 * MINUTE),
      });
    }
    if (unpaidToday) {
      const window = nextCallWindow(now, DEFAULT_SHOP_HOURS);
      await insertReminderTasks(trx, [
        openReminderTask({
          id: newId(),
          shopId,
          orderId,
          buyerId: buyer.id,
          reason: followUpReason(DEFAULT_PAYMENT_REMINDER_SETTINGS, product.price_fen * quantity, 0)!,
          window,
          at: at(now.getTime()),
        }),
      ]);
    }
  }

  const recentUnpaid = await listUnpaidOrdersPlacedSince(trx, shopId, at(now.getTime() - 24 * 60 * MINUTE));
  for (const order of recentUnpaid) {
    if (reminders.some((r) => r.order_id === order.id)) continue;
    for (const seq of [1, 2]) {
      const sent = Math.min(Date.parse(order.placed_at) + seq * 10 * MINUTE, now.getTime() - (3 - seq) * MINUTE);
      reminders.push({
        id: newId(),
        shop_id: shopId,
        order_id: order.id,
        seq,
        buyer_id: order.buyer_id,
        message_id: null,
        sent_at: at(sent),
      });
    }
  }
  await insertPaymentReminders(trx, reminders);
}
