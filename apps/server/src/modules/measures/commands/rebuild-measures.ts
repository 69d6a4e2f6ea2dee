import type { RebuildMeasuresResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { RollupDeltas } from '../turn-rollups.js';
import {
  addRollupDeltas,
  deleteShopFacts,
  insertInquiries,
  insertTurns,
  listAssignmentHistory,
  listConversationPage,
  listFactMessages,
  listOrdersOfBuyers,
} from '../facts.repository.js';
import { inquiryOutcome, isAfterSaleQuestion, newInquiry, type FactOrder, type InquiryRow } from '../inquiry-facts.js';
import { applyTurnChange, chinaDayHour, turnChangeFor, type FactConversation, type TurnRow } from '../turn-facts.js';

export interface RebuildMeasuresProps {
  shopId: string;
  /** Conversations read per page (memory stays bounded on a big shop). */
  pageSize?: number;
  /** Told after each page: conversations done so far. */
  onProgress?: (conversationsDone: number) => void;
}

/** Routing's hand-overs that leave a buyer with an agent (改派 back to the queue leaves them with nobody). */
const HANDED_TO_AGENT = new Set(['routed', 'taken', 'taken_over', 'transferred', 'reassigned', 'assigned']);

/**
 * Rebuilds a shop's turns (and their rollups) and inquiries from its stored messages, with the very rules the live recorder applies (after
 * a rule change, an import of history, or facts lost). Who had the buyer at each moment comes from routing's
 * hand-over records; a conversation without them is credited to its assignee. Runs in one transaction: the figures
 * never show a half-built shop.
 */
export async function rebuildMeasures(app: AppContext, props: RebuildMeasuresProps): Promise<RebuildMeasuresResponse> {
  const { shopId } = props;
  const pageSize = props.pageSize ?? 500;
  const counts = { conversations: 0, messages: 0, turns: 0, inquiries: 0 };
  await app.storage.db.transaction().execute(async (trx) => {
    await deleteShopFacts(trx, shopId);
    const inquiries = new Map<string, InquiryRow>();
    const rollups = new RollupDeltas();
    /** Per inquiry key, agents' replies (the earliest after the question is credited). */
    const replies = new Map<string, { at: string; agentId: string }[]>();
    const ordersOf = new Map<string, FactOrder[]>();
    let after = '';
    for (;;) {
      const page = await listConversationPage(trx, shopId, after, pageSize);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      const ids = page.map((c) => c.id);
      const [messages, history, orders] = await Promise.all([
        listFactMessages(trx, ids),
        listAssignmentHistory(trx, ids),
        listOrdersOfBuyers(trx, shopId, [...new Set(page.map((c) => c.buyer_id))]),
      ]);
      for (const order of orders) {
        const list = ordersOf.get(order.buyer_id) ?? [];
        if (!list.some((o) => o.id === order.id)) list.push(order);
        ordersOf.set(order.buyer_id, list);
      }
      const turns: TurnRow[] = [];
      const messagesOf = groupBy(messages, (m) => m.conversation_id);
      const handOversOf = groupBy(history, (h) => h.conversation_id);
      for (const conversation of page) {
        const handOvers = handOversOf.get(conversation.id) ?? [];
        let current: TurnRow | undefined;
        for (const m of messagesOf.get(conversation.id) ?? []) {
          counts.messages += 1;
          const fact = {
            id: m.id,
            seq: Number(m.seq),
            sender: m.sender,
            agentId: m.agent_id,
            clientMsgId: m.client_msg_id,
            createdAt: m.created_at,
          };
          const holder = handOvers.filter((h) => h.at <= fact.createdAt).at(-1);
          const context: FactConversation = {
            shopId,
            conversationId: conversation.id,
            buyerId: conversation.buyer_id,
            assigneeId: holder ? (HANDED_TO_AGENT.has(holder.kind) ? holder.agent_id : null) : conversation.assignee_id,
            groupKey: conversation.group_key ?? null,
          };
          const change = turnChangeFor(current, fact, context);
          if (change) {
            // The turn being changed is always the last one pushed: replace it in place.
            current = applyTurnChange(current, change);
            if ('insert' in change) turns.push(current);
            else turns[turns.length - 1] = current;
          }
          const key = `${conversation.buyer_id}|${chinaDayHour(fact.createdAt).day}`;
          if (fact.sender === 'buyer') {
            const known = inquiries.get(key);
            if (known && known.first_at <= fact.createdAt) continue;
            if (isAfterSaleQuestion(ordersOf.get(conversation.buyer_id) ?? [], fact.createdAt)) continue;
            inquiries.set(key, newInquiry(fact, context));
          } else if (fact.sender === 'agent' && fact.agentId) {
            replies.set(key, [...(replies.get(key) ?? []), { at: fact.createdAt, agentId: fact.agentId }]);
          }
        }
        counts.conversations += 1;
      }
      await insertTurns(trx, turns);
      for (const turn of turns) rollups.change(undefined, turn);
      counts.turns += turns.length;
      props.onProgress?.(counts.conversations);
    }
    const rows = [...inquiries.entries()].map(([key, inquiry]) => {
      const credited = (replies.get(key) ?? [])
        .filter((r) => r.at >= inquiry.first_at)
        .sort((a, b) => a.at.localeCompare(b.at))[0];
      return {
        ...inquiry,
        agent_id: credited?.agentId ?? null,
        ...inquiryOutcome(inquiry, ordersOf.get(inquiry.buyer_id) ?? []),
      };
    });
    await insertInquiries(trx, rows);
    await addRollupDeltas(trx, rollups.list());
    counts.inquiries = rows.length;
  });
  return counts;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row));
    if (list) list.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}
