import { chinaTimeOf, CONVERSION_WINDOW_DAYS } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { OutboxEvent } from '../../../platform/events/outbox.js';
import {
  creditInquiry,
  findFactConversation,
  findInquiry,
  findLatestTurn,
  findOrderBuyer,
  insertInquiry,
  listFactOrders,
  listRecentInquiries,
  updateInquiry,
  writeTurnChange,
} from '../facts.repository.js';
import { inquiryOutcome, isAfterSaleQuestion, newInquiry } from '../inquiry-facts.js';
import { chinaDayHour, turnChangeFor, type FactMessage } from '../turn-facts.js';

type MessageCreated = Extract<OutboxEvent, { type: 'message.created' }>;
type OrderUpdated = Extract<OutboxEvent, { type: 'order.updated' }>;

/**
 * Writes the facts one relayed message adds: its turn, and the buyer's inquiry of the day (asked → credited to the
 * agent who answered first). The relay hands one conversation's messages over in order, and a message already applied
 * (a replay after a crash) changes nothing.
 */
export async function recordMessageFacts(app: AppContext, event: MessageCreated): Promise<void> {
  const { message } = event;
  if (event.held || !['buyer', 'agent', 'bot'].includes(message.sender)) return;
  const fact: FactMessage = {
    id: message.id,
    seq: message.seq,
    sender: message.sender,
    agentId: message.agent?.id ?? null,
    clientMsgId: message.clientMsgId ?? null,
    createdAt: message.createdAt,
  };
  await app.storage.db.transaction().execute(async (trx) => {
    const conversation = await findFactConversation(trx, event.shopId, event.conversationId);
    if (!conversation) return;
    const change = turnChangeFor(await findLatestTurn(trx, event.conversationId), fact, conversation);
    if (!change) return;
    await writeTurnChange(trx, change);
    const { day } = chinaDayHour(fact.createdAt);
    if (fact.sender === 'buyer' && !(await findInquiry(trx, event.shopId, conversation.buyerId, day))) {
      const orders = await listFactOrders(trx, event.shopId, conversation.buyerId);
      if (isAfterSaleQuestion(orders, fact.createdAt)) return;
      const inquiry = newInquiry(fact, conversation);
      await insertInquiry(trx, { ...inquiry, ...inquiryOutcome(inquiry, orders) });
    } else if (fact.sender === 'agent' && fact.agentId) {
      await creditInquiry(trx, event.shopId, conversation.buyerId, day, fact.agentId);
    }
  });
}

const DAY_MS = 24 * 3600_000;

/** An order was placed, paid or closed: the buyer's recent inquiries learn what came of them. */
export async function recordOrderFacts(app: AppContext, event: OrderUpdated): Promise<void> {
  const db = app.storage.db;
  const buyerId = await findOrderBuyer(db, event.shopId, event.order.id);
  if (!buyerId) return;
  const placed = Date.parse(event.order.placedAt);
  const sinceDay = chinaTimeOf(new Date(placed - (CONVERSION_WINDOW_DAYS + 1) * DAY_MS)).date;
  const inquiries = await listRecentInquiries(db, event.shopId, buyerId, sinceDay);
  if (inquiries.length === 0) return;
  const orders = await listFactOrders(db, event.shopId, buyerId);
  for (const inquiry of inquiries) {
    const outcome = inquiryOutcome(inquiry, orders);
    const changed = (Object.keys(outcome) as (keyof typeof outcome)[]).some((key) => outcome[key] !== inquiry[key]);
    if (changed) await updateInquiry(db, inquiry.id, outcome);
  }
}
