import { RESPONSE_RULES, type MeasureFactKind, type MeasureFactsResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { TableCell } from '../../../platform/http/table-files.js';
import { onlineSecondsBy } from '../measure-range.js';
import {
  listAgentNames,
  listCaseFacts,
  listInquiryFacts,
  listOnlinePeriods,
  listRatingFacts,
  listReminderOutcomes,
  listTurnFacts,
  type FactFilter,
} from '../measures.repository.js';
import { chinaDayHour } from '../turn-facts.js';

export interface FactsCell {
  day?: string;
  hour?: number;
}

/** The column keys of each kind of facts (stable: the workbench translates them, exports use them as headers). */
export const FACT_COLUMNS: Record<MeasureFactKind, string[]> = {
  turns: [
    'started_at',
    'buyer',
    'agent',
    'status',
    'response_seconds',
    'counted_seconds',
    'first_of_day',
    'buyer_messages',
    'agent_messages',
    'answered_at',
    'conversation_id',
  ],
  inquiries: [
    'first_at',
    'buyer',
    'agent',
    'ordered_at',
    'paid_at',
    'paid_order_no',
    'paid_fen',
    'paid_same_day',
    'paid_by_next_day',
    'conversation_id',
  ],
  reminders: ['sent_at', 'order_no', 'paid_at', 'total_fen', 'recovered'],
  ratings: ['rated_at', 'agent', 'score', 'reasons', 'comment', 'invited_by', 'conversation_id'],
  cases: ['case_no', 'type', 'state', 'agent', 'created_at', 'closed_at', 'hours', 'refund_fen'],
  online: ['agent', 'day', 'hour', 'seconds'],
};

/**
 * The rows behind a figure: a range's facts of one kind (optionally one day or hour, one agent or group), a page at a
 * time. A turn's status says how it counts: answered, unanswered (counted as the cap), pending (too young to count),
 * bot (an auto-reply answered and no agent did: not counted) or outside_hours (started before 08:00 or after 23:00).
 */
export async function measureFacts(
  app: AppContext,
  filter: FactFilter,
  kind: MeasureFactKind,
  cell: FactsCell,
  page: { limit: number; offset: number },
): Promise<MeasureFactsResponse> {
  const { rows, total } = await factRows(app, filter, kind, cell, page);
  return { kind, columns: FACT_COLUMNS[kind], rows, total };
}

async function factRows(
  app: AppContext,
  filter: FactFilter,
  kind: MeasureFactKind,
  cell: FactsCell,
  page: { limit: number; offset: number },
): Promise<{ rows: TableCell[][]; total: number }> {
  const db = app.storage.db;
  const now = app.now();
  if (kind === 'turns') {
    const { rows, total } = await listTurnFacts(db, filter, cell, page);
    const cutoff = now.getTime() - RESPONSE_RULES.capSeconds * 1000;
    return {
      total,
      rows: rows.map((t) => {
        const status = !t.counted
          ? 'outside_hours'
          : t.answered_at
            ? 'answered'
            : t.bot_replied
              ? 'bot'
              : Date.parse(t.started_at) <= cutoff
                ? 'unanswered'
                : 'pending';
        const seconds = t.response_seconds === null ? null : Number(t.response_seconds);
        const counted =
          status === 'answered'
            ? Math.min(seconds!, RESPONSE_RULES.capSeconds)
            : status === 'unanswered'
              ? RESPONSE_RULES.capSeconds
              : null;
        return [
          t.started_at,
          t.buyer_nick ?? t.buyer_id,
          t.agent_name ?? t.agent_id,
          status,
          seconds,
          counted,
          Number(t.first_of_day),
          Number(t.buyer_messages),
          Number(t.agent_messages),
          t.answered_at,
          t.conversation_id,
        ];
      }),
    };
  }
  if (kind === 'inquiries') {
    const { rows, total } = await listInquiryFacts(db, filter, cell, page);
    return {
      total,
      rows: rows.map((q) => [
        q.first_at,
        q.buyer_nick ?? q.buyer_id,
        q.agent_name ?? q.agent_id,
        q.ordered_at,
        q.paid_at,
        q.paid_order_no ?? null,
        q.paid_fen === null ? null : Number(q.paid_fen),
        Number(q.paid_same_day),
        Number(q.paid_by_next_day),
        q.conversation_id,
      ]),
    };
  }
  const agents = await listAgentNames(db, filter.shopId);
  const nameOf = (id: string | null) => (id ? (agents.get(id)?.name ?? id) : null);
  const inCell = (at: string) => {
    const { day, hour } = chinaDayHour(at);
    return (!cell.day || cell.day === day) && (cell.hour === undefined || cell.hour === hour);
  };
  let all: TableCell[][] = [];
  if (kind === 'reminders') {
    const rows = filter.agentId || filter.group ? [] : await listReminderOutcomes(db, filter);
    all = rows
      .filter((r) => inCell(r.sent_at))
      .map((r) => {
        const paid = r.paid_at !== null && r.paid_at > r.sent_at;
        return [r.sent_at, r.order_no, r.paid_at, Number(r.total_fen), paid ? Number(r.total_fen) : 0];
      });
  } else if (kind === 'ratings') {
    const rows = filter.group ? [] : await listRatingFacts(db, filter);
    all = rows
      .filter((r) => inCell(r.rated_at!))
      .map((r) => [
        r.rated_at,
        nameOf(r.agent_id),
        Number(r.score),
        (JSON.parse(r.reasons_json ?? '[]') as string[]).join(','),
        r.comment,
        r.invited_by,
        r.conversation_id,
      ]);
  } else if (kind === 'cases') {
    const rows = filter.group ? [] : await listCaseFacts(db, filter);
    all = rows
      .filter((c) => inCell(c.created_at) || (c.closed_at !== null && inCell(c.closed_at)))
      .map((c) => [
        c.case_no,
        c.type,
        c.state,
        nameOf(c.assignee_id),
        c.created_at,
        c.closed_at,
        c.closed_at ? Math.round(((Date.parse(c.closed_at) - Date.parse(c.created_at)) / 3_600_000) * 10) / 10 : null,
        c.refund_fen === null ? null : Number(c.refund_fen),
      ]);
  } else {
    const pieces = filter.group ? [] : onlineSecondsBy(await listOnlinePeriods(db, filter), filter, now);
    const sums = new Map<string, { agentId: string; day: string; hour: number; seconds: number }>();
    for (const p of pieces) {
      if ((cell.day && cell.day !== p.day) || (cell.hour !== undefined && cell.hour !== p.hour)) continue;
      const key = `${p.agentId}|${p.day}|${p.hour}`;
      const sum = sums.get(key) ?? { ...p, seconds: 0 };
      sum.seconds += p.seconds;
      sums.set(key, sum);
    }
    all = [...sums.values()].map((s) => [nameOf(s.agentId), s.day, s.hour, Math.round(s.seconds)]);
  }
  return { total: all.length, rows: all.slice(page.offset, page.offset + page.limit) };
}
