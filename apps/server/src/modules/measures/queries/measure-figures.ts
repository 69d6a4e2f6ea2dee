import type { MeasureGrouping, MeasureRow, MeasuresResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { readRoutingSettings } from '../../routing/index.js';
import { readMeasureTargets } from '../measure-targets.js';
import {
  listAgentNames,
  listCaseFacts,
  listOnlinePeriods,
  listRatingFacts,
  listReminderOutcomes,
  sumInquiries,
  sumTurns,
  type FactFilter,
  type InquiryTotals,
  type TurnTotals,
} from '../measures.repository.js';
import { chinaDayHour } from '../turn-facts.js';
import { daysBetween, onlineSecondsBy } from '../measure-range.js';

const SATISFIED_FROM = 4;

/** Sums one row's figures are made of (averages and shares are derived at the end). */
interface Sums {
  turns?: TurnTotals;
  inquiries?: InquiryTotals;
  remindedOrders: number;
  remindedPaid: number;
  recoveredFen: number;
  casesOpened: number;
  casesFinished: number;
  caseSeconds: number;
  refundFen: number;
  ratings: number;
  satisfied: number;
  onlineSeconds: number;
}

const emptySums = (): Sums => ({
  remindedOrders: 0,
  remindedPaid: 0,
  recoveredFen: 0,
  casesOpened: 0,
  casesFinished: 0,
  caseSeconds: 0,
  refundFen: 0,
  ratings: 0,
  satisfied: 0,
  onlineSeconds: 0,
});

/**
 * The figures table: one row per agent, group, day or hour of the range (every day and hour appear, so trends have no
 * gaps; every enabled agent appears on the board), and the range's total. Response and inquiry figures are summed by
 * the database over the fact rows; reminders, cases, ratings and online time are few and summed here.
 */
export async function measureFigures(app: AppContext, filter: FactFilter, by: MeasureGrouping): Promise<MeasuresResponse> {
  const db = app.storage.db;
  const now = app.now();
  const [turns, inquiries, turnTotal, inquiryTotal, reminders, cases, ratings, periods, agents, targets] = await Promise.all([
    by === 'shop' ? [] : sumTurns(db, filter, by, now),
    by === 'shop' ? [] : sumInquiries(db, filter, by),
    sumTurns(db, filter, 'shop', now),
    sumInquiries(db, filter, 'shop'),
    filter.agentId || filter.group ? [] : listReminderOutcomes(db, filter),
    filter.group ? [] : listCaseFacts(db, filter),
    filter.group ? [] : listRatingFacts(db, filter),
    filter.group ? [] : listOnlinePeriods(db, filter),
    listAgentNames(db, filter.shopId),
    readMeasureTargets(db, filter.shopId),
  ]);

  const sums = new Map<string, Sums>();
  const at = (key: string | number | null | undefined): Sums | undefined => {
    if (key === null || key === undefined || key === '') return undefined;
    const k = String(key);
    if (!sums.has(k)) sums.set(k, emptySums());
    return sums.get(k);
  };
  const total = emptySums();
  /** Adds to the row the fact belongs to under this grouping and to the total. */
  const add = (keys: Partial<Record<MeasureGrouping, string | number | null>>, apply: (s: Sums) => void) => {
    apply(total);
    if (by !== 'shop') {
      const row = at(keys[by]);
      if (row) apply(row);
    }
  };

  // Every row the table shows, even with nothing yet: days and hours for continuous charts, the team for the board.
  if (by === 'day') daysBetween(filter.fromDay, filter.toDay).forEach((day) => at(day));
  if (by === 'hour') for (let hour = 0; hour < 24; hour += 1) at(hour);
  if (by === 'agent')
    for (const agent of agents.values()) if (agent.enabled && (!filter.agentId || agent.id === filter.agentId)) at(agent.id);
  const groups = by === 'group' ? (await readRoutingSettings(db, filter.shopId)).groups : [];
  for (const group of groups) if (!filter.group || group.key === filter.group) at(group.key);

  for (const row of turns) if (at(row.key)) at(row.key)!.turns = row;
  for (const row of inquiries) if (at(row.key)) at(row.key)!.inquiries = row;
  for (const r of reminders) {
    const { day, hour } = chinaDayHour(r.sent_at);
    const paid = r.paid_at !== null && r.paid_at > r.sent_at;
    add({ day, hour, shop: 'shop' }, (s) => {
      s.remindedOrders += 1;
      if (paid) {
        s.remindedPaid += 1;
        s.recoveredFen += Number(r.total_fen);
      }
    });
  }
  for (const c of cases) {
    if (c.created_at >= filter.fromIso && c.created_at < filter.toIso) {
      const { day, hour } = chinaDayHour(c.created_at);
      add({ agent: c.assignee_id, day, hour, shop: 'shop' }, (s) => (s.casesOpened += 1));
    }
    if (c.closed_at && c.closed_at >= filter.fromIso && c.closed_at < filter.toIso) {
      const { day, hour } = chinaDayHour(c.closed_at);
      add({ agent: c.assignee_id, day, hour, shop: 'shop' }, (s) => {
        s.casesFinished += 1;
        s.caseSeconds += (Date.parse(c.closed_at!) - Date.parse(c.created_at)) / 1000;
        if (c.state === 'completed') s.refundFen += Number(c.refund_fen ?? 0);
      });
    }
  }
  for (const r of ratings) {
    const { hour } = chinaDayHour(r.rated_at!);
    add({ agent: r.agent_id, day: r.day, hour, shop: 'shop' }, (s) => {
      s.ratings += 1;
      if (Number(r.score) >= SATISFIED_FROM) s.satisfied += 1;
    });
  }
  for (const piece of onlineSecondsBy(periods, filter, now)) {
    add({ agent: piece.agentId, day: piece.day, hour: piece.hour, shop: 'shop' }, (s) => (s.onlineSeconds += piece.seconds));
  }

  total.turns = turnTotal[0];
  total.inquiries = inquiryTotal[0];
  const groupNames = new Map(groups.map((g) => [g.key, g.name || g.key]));
  const labelOf = (key: string) =>
    by === 'agent' ? (agents.get(key)?.name ?? key) : by === 'group' ? (groupNames.get(key) ?? key) : key;
  const rows = by === 'shop' ? [] : [...sums.entries()].map(([key, s]) => rowOf(key, labelOf(key), s));
  if (by === 'day' || by === 'hour')
    rows.sort((a, b) => (by === 'hour' ? Number(a.key) - Number(b.key) : a.key.localeCompare(b.key)));
  return {
    from: filter.fromDay,
    to: filter.toDay,
    by,
    rows,
    total: rowOf('shop', 'shop', total),
    targets,
    computedAt: now.toISOString(),
  };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function rowOf(key: string, label: string, s: Sums): MeasureRow {
  const t = s.turns;
  const q = s.inquiries;
  return {
    key,
    label,
    buyers: t?.buyers ?? 0,
    turns: t?.turns ?? 0,
    unansweredTurns: t?.unanswered ?? 0,
    firstResponseSeconds: t && t.first_turns > 0 ? t.first_seconds / t.first_turns : null,
    averageResponseSeconds: t && t.turns > 0 ? t.capped_seconds / t.turns : null,
    fastShare: t ? share(t.fast, t.turns) : null,
    buyerMessages: t?.buyer_messages ?? 0,
    agentMessages: t?.agent_messages ?? 0,
    answerRatio: t ? share(t.agent_messages, t.buyer_messages) : null,
    inquiries: q?.inquiries ?? 0,
    ordered: q?.ordered ?? 0,
    paidSameDay: q?.paid_same_day ?? 0,
    paidByNextDay: q?.paid_by_next_day ?? 0,
    paidFinal: q?.paid_final ?? 0,
    conversionSameDay: q ? share(q.paid_same_day, q.inquiries) : null,
    conversionFinal: q ? share(q.paid_final, q.inquiries) : null,
    paidFen: q?.paid_fen ?? 0,
    orderValueFen: q && q.paid_final > 0 ? Math.round(q.paid_fen / q.paid_final) : null,
    remindedOrders: s.remindedOrders,
    remindedPaid: s.remindedPaid,
    reminderSuccess: share(s.remindedPaid, s.remindedOrders),
    recoveredFen: s.recoveredFen,
    casesOpened: s.casesOpened,
    casesFinished: s.casesFinished,
    caseHours: s.casesFinished > 0 ? s.caseSeconds / s.casesFinished / 3600 : null,
    refundFen: s.refundFen,
    ratings: s.ratings,
    satisfied: s.satisfied,
    satisfaction: share(s.satisfied, s.ratings),
    onlineSeconds: Math.round(s.onlineSeconds),
  };
}
