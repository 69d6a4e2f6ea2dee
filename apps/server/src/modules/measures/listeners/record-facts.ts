import { chinaTimeOf, CONVERSION_WINDOW_DAYS } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { RollupDeltas } from '../turn-rollups.js';
import {
  addRollupDeltas,
  creditInquiry,
  findFactConversations,
  findInquiriesOf,
  findLatestTurns,
  findOrderBuyer,
  insertNewInquiries,
  listFactOrders,
  listOrdersOfBuyers,
  listRecentInquiries,
  updateInquiry,
  upsertTurns,
} from '../facts.repository.js';
import { inquiryOutcome, isAfterSaleQuestion, newInquiry, type FactOrder, type InquiryRow } from '../inquiry-facts.js';
import {
  applyTurnChange,
  chinaDayHour,
  turnChangeFor,
  type FactConversation,
  type FactMessage,
  type TurnRow,
} from '../turn-facts.js';

/** What the facts need of a relayed event (plain data: it travels to the SQLite writer thread). */
export type FactInput =
  | { kind: 'message'; shopId: string; conversationId: string; message: FactMessage }
  | { kind: 'order'; shopId: string; orderId: string; placedAt: string };

/** Applies a batch of facts in order, in the writer's transaction (on SQLite: the writer thread). */
export async function applyFactBatch(trx: Queryable, inputs: FactInput[]): Promise<null[]> {
  const messages = inputs.filter((input): input is MessageFact => input.kind === 'message');
  if (messages.length > 0) await applyMessageFacts(trx, messages);
  for (const input of inputs) if (input.kind === 'order') await applyOrderFacts(trx, input);
  return inputs.map(() => null);
}

/** Where applyFactBatch lives, for the SQLite writer thread to load it. */
export const FACTS_WRITER_MODULE = import.meta.url;

type MessageFact = Extract<FactInput, { kind: 'message' }>;

/**
 * Writes the facts relayed messages add: their turns, and the buyers' inquiries of the day (asked → credited to the
 * agent who answered first). A batch reads what it needs at once (conversations, latest turns, inquiries, orders),
 * folds the messages in order in memory and writes the changes in a few statements, so the facts keep up with a busy
 * shop's chat. A message already applied (a replay after a crash) changes nothing.
 */
export async function applyMessageFacts(trx: Queryable, batch: MessageFact[]): Promise<void> {
  const conversationIds = [...new Set(batch.map((m) => m.conversationId))];
  const [conversations, latest] = await Promise.all([
    findFactConversations(trx, conversationIds),
    findLatestTurns(trx, conversationIds),
  ]);
  const changed = new Map<string, TurnRow>();
  /** Each changed turn as it was before this batch (absent: new in this batch). */
  const before = new Map<string, TurnRow | undefined>();
  const asked: { fact: FactMessage; conversation: FactConversation; day: string }[] = [];
  const answered: { conversation: FactConversation; day: string; agentId: string; at: string }[] = [];
  for (const { conversationId, message } of batch) {
    const conversation = conversations.get(conversationId);
    if (!conversation) continue;
    const current = latest.get(conversationId);
    const change = turnChangeFor(current, message, conversation);
    if (!change) continue;
    const next = applyTurnChange(current, change);
    if (!before.has(next.id)) before.set(next.id, 'insert' in change ? undefined : current);
    latest.set(conversationId, next);
    changed.set(next.id, next);
    const { day } = chinaDayHour(message.createdAt);
    if (message.sender === 'buyer') asked.push({ fact: message, conversation, day });
    else if (message.sender === 'agent' && message.agentId)
      answered.push({ conversation, day, agentId: message.agentId, at: message.createdAt });
  }
  await upsertTurns(trx, [...changed.values()]);
  const deltas = new RollupDeltas();
  for (const [id, after] of changed) deltas.change(before.get(id), after);
  await addRollupDeltas(trx, deltas.list());
  for (const shopId of new Set([...asked, ...answered].map((a) => a.conversation.shopId))) {
    await applyInquiryFacts(
      trx,
      shopId,
      asked.filter((a) => a.conversation.shopId === shopId),
      answered.filter((a) => a.conversation.shopId === shopId),
    );
  }
}

/** One shop's new inquiries (a buyer's first question of the day) and the first agent to answer each. */
async function applyInquiryFacts(
  trx: Queryable,
  shopId: string,
  asked: { fact: FactMessage; conversation: FactConversation; day: string }[],
  answered: { conversation: FactConversation; day: string; agentId: string; at: string }[],
): Promise<void> {
  const all = [...asked, ...answered];
  const buyerIds = [...new Set(all.map((a) => a.conversation.buyerId))];
  const known = new Map(
    (await findInquiriesOf(trx, shopId, buyerIds, [...new Set(all.map((a) => a.day))])).map((q) => [`${q.buyer_id}|${q.day}`, q]),
  );
  const created = new Map<string, InquiryRow>();
  const newcomers = asked.filter((a) => !known.has(`${a.conversation.buyerId}|${a.day}`));
  const orders = groupOrders(await listOrdersOfBuyers(trx, shopId, [...new Set(newcomers.map((a) => a.conversation.buyerId))]));
  for (const { fact, conversation, day } of newcomers) {
    const key = `${conversation.buyerId}|${day}`;
    const theirs = orders.get(conversation.buyerId) ?? [];
    if (created.has(key) || isAfterSaleQuestion(theirs, fact.createdAt)) continue;
    const inquiry = newInquiry(fact, conversation);
    created.set(key, { ...inquiry, ...inquiryOutcome(inquiry, theirs) });
  }
  const credited = new Map<string, string>();
  for (const { conversation, day, agentId, at } of answered) {
    const key = `${conversation.buyerId}|${day}`;
    const fresh = created.get(key);
    if (fresh) {
      if (at >= fresh.first_at) fresh.agent_id ??= agentId;
    } else if (known.get(key)?.agent_id === null && !credited.has(key)) credited.set(key, agentId);
  }
  await insertNewInquiries(trx, [...created.values()]);
  for (const [key, agentId] of credited) {
    const [buyerId, day] = key.split('|') as [string, string];
    await creditInquiry(trx, shopId, buyerId, day, agentId);
  }
}

function groupOrders(rows: (FactOrder & { buyer_id: string })[]): Map<string, FactOrder[]> {
  const byBuyer = new Map<string, FactOrder[]>();
  for (const row of rows) byBuyer.set(row.buyer_id, [...(byBuyer.get(row.buyer_id) ?? []), row]);
  return byBuyer;
}

const DAY_MS = 24 * 3600_000;

/** An order was placed, paid or closed: the buyer's recent inquiries learn what came of them. */
export async function applyOrderFacts(db: Queryable, event: Extract<FactInput, { kind: 'order' }>): Promise<void> {
  const buyerId = await findOrderBuyer(db, event.shopId, event.orderId);
  if (!buyerId) return;
  const placed = Date.parse(event.placedAt);
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
