import { fillReminderTemplate } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { ensureBuyerConversation } from '../../conversations/index.js';
import { findBuyer } from '../../crm/index.js';
import { messageWriterOf } from '../../conversations/index.js';
import { presentOrderCard } from '../../orders/index.js';
import { findOrderWithItems } from '../../orders/index.js';
import { describeActivePromotions } from '../../promotions/index.js';
import { isQuietTime, shopHoursOf } from '../../shop-hours/index.js';
import { findShopSettings } from '../../shops/index.js';
import { insertPaymentReminderOnce, listReminderSeqs, setReminderMessage } from '../payment-reminder.repository.js';
import { reminderSettingsOf } from '../reminder-settings.js';

export interface SendPaymentReminderProps {
  shopId: string;
  orderId: string;
  /** Which reminder of the order this is: 1 for the first, up to the shop's maxReminders. */
  seq: number;
}

export type SendOutcome = 'sent' | 'already_sent' | 'not_due';

/**
 * Sends the seq-th 催付 chat reminder of an order, at most once whatever runs it: one transaction first
 * inserts payment_reminders (order_id, seq) — a duplicate means another worker sent it — then writes the
 * bot message (with the order card) into the buyer's conversation. Re-checks at send time that the order
 * is still unpaid, the buyer not blacklisted, the cap not reached and the shop not in its quiet hours.
 * The message is from the sender 'bot' with origin 'automation', so automation never answers it.
 */
export async function sendPaymentReminder(app: AppContext, props: SendPaymentReminderProps): Promise<SendOutcome> {
  const at = app.now();
  const now = at.toISOString();
  // Through the message writer, inside this transaction: the reminder row and its message commit together.
  return messageWriterOf(app).transaction(async (trx, writeMessage): Promise<SendOutcome> => {
    const shop = await findShopSettings(trx, props.shopId);
    const found = await findOrderWithItems(trx, props.shopId, props.orderId);
    if (!shop || !found || found.order.status !== 'pending_payment') return 'not_due';
    const settings = reminderSettingsOf(shop.settings);
    if (!settings.enabled || props.seq > settings.maxReminders) return 'not_due';
    if (isQuietTime(shopHoursOf(shop.settings), at)) return 'not_due';
    const buyer = await findBuyer(trx, props.shopId, found.order.buyer_id);
    if (!buyer || buyer.blocked_at) return 'not_due';
    const earlier = await listReminderSeqs(trx, props.orderId);
    if (earlier.some((r) => Number(r.seq) === props.seq)) return 'already_sent';
    // Reminders go in order: the n-th only after the (n-1)-th.
    if (earlier.length !== props.seq - 1) return 'not_due';

    const reminderId = newId();
    const inserted = await insertPaymentReminderOnce(trx, {
      id: reminderId,
      shop_id: props.shopId,
      order_id: props.orderId,
      seq: props.seq,
      buyer_id: buyer.id,
      message_id: null,
      sent_at: now,
    });
    if (!inserted) return 'already_sent';

    const first = found.items[0];
    const body = fillReminderTemplate(settings.template, settings.incentive, {
      buyerNick: buyer.nick,
      orderNo: found.order.order_no,
      productTitle: first
        ? found.items.length > 1
          ? `${first.title} 等 ${found.items.length} 件`
          : first.title
        : found.order.order_no,
      totalFen: Number(found.order.total_fen),
      promotions: await describeActivePromotions(trx, props.shopId, at, 'zh-CN'),
    });
    const conversation = await ensureBuyerConversation(trx, props.shopId, buyer.id, now);
    const message = await writeMessage({
      shopId: props.shopId,
      conversationId: conversation.id,
      sender: 'bot',
      agentId: null,
      kind: 'text',
      body,
      payload: JSON.stringify({ order: presentOrderCard(found), automation: { kind: 'payment_reminder', seq: props.seq } }),
      clientMsgId: null,
      createdAt: now,
      origin: 'automation',
    });
    await setReminderMessage(trx, reminderId, message.row.id);
    await recordAudit(trx, {
      shopId: props.shopId,
      actor: { kind: 'system', id: null, name: '催付' },
      action: 'payment_reminder.sent',
      targetType: 'order',
      targetId: props.orderId,
      before: null,
      after: { seq: props.seq, messageId: message.row.id },
      at: now,
    });
    return 'sent';
  });
}
