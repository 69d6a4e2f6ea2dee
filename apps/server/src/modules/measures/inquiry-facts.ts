import { chinaMidnightOf, CONVERSION_WINDOW_DAYS } from '@golddesk/contracts';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { chinaDayHour, type FactConversation, type FactMessage } from './turn-facts.js';

export type InquiryRow = Database['inquiries'];

/** What the inquiry facts need of the buyer's orders. */
export interface FactOrder {
  id: string;
  placed_at: string;
  paid_at: string | null;
  completed_at: string | null;
  closed_at: string | null;
  total_fen: number;
}

const DAY_MS = 24 * 3600_000;

/**
 * A buyer with a paid order still under way (not completed, not closed) at `at` is asking after the sale (售后咨询),
 * not before buying: such a message is no 询单.
 */
export function isAfterSaleQuestion(orders: readonly FactOrder[], at: string): boolean {
  return orders.some(
    (o) =>
      o.paid_at !== null &&
      o.paid_at <= at &&
      !(o.completed_at !== null && o.completed_at <= at) &&
      !(o.closed_at !== null && o.closed_at <= at),
  );
}

/** The buyer's first question of a China day, as a new inquiry (the caller knows none exists yet for that day). */
export function newInquiry(message: FactMessage, conversation: FactConversation): InquiryRow {
  const { day, hour } = chinaDayHour(message.createdAt);
  return {
    id: newId(),
    shop_id: conversation.shopId,
    buyer_id: conversation.buyerId,
    day,
    hour,
    conversation_id: conversation.conversationId,
    first_message_id: message.id,
    first_at: message.createdAt,
    agent_id: null,
    group_key: conversation.groupKey,
    ordered_at: null,
    order_id: null,
    paid_at: null,
    paid_order_id: null,
    paid_fen: null,
    paid_same_day: 0,
    paid_by_next_day: 0,
  };
}

/** The instant the conversion window of an inquiry asked on `day` closes (the end of day + CONVERSION_WINDOW_DAYS). */
export function conversionWindowEnd(day: string): number {
  return chinaMidnightOf(day) + (1 + CONVERSION_WINDOW_DAYS) * DAY_MS;
}

/**
 * What the buyer did after asking, from their orders: the first order placed (or paid) after the question, and the
 * first order paid after it, within the window; whether that payment came the same China day or by the next day's end.
 * Pure, so a live update and a rebuild agree.
 */
export function inquiryOutcome(inquiry: Pick<InquiryRow, 'day' | 'first_at'>, orders: readonly FactOrder[]): Partial<InquiryRow> {
  const end = conversionWindowEnd(inquiry.day);
  const within = (at: string | null): at is string => at !== null && at >= inquiry.first_at && Date.parse(at) < end;
  const ordered = orders
    .filter((o) => within(o.placed_at) || within(o.paid_at))
    .sort((a, b) => a.placed_at.localeCompare(b.placed_at))[0];
  const paid = orders.filter((o) => within(o.paid_at)).sort((a, b) => a.paid_at!.localeCompare(b.paid_at!))[0];
  const midnight = chinaMidnightOf(inquiry.day);
  const paidMs = paid ? Date.parse(paid.paid_at!) : NaN;
  return {
    ordered_at: ordered?.placed_at ?? null,
    order_id: ordered?.id ?? null,
    paid_at: paid?.paid_at ?? null,
    paid_order_id: paid?.id ?? null,
    paid_fen: paid ? Number(paid.total_fen) : null,
    paid_same_day: paid && paidMs < midnight + DAY_MS ? 1 : 0,
    paid_by_next_day: paid && paidMs < midnight + 2 * DAY_MS ? 1 : 0,
  };
}
