import { CaseState, CaseType, chinaMidnightOf, chinaTimeOf, type CaseFigures } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { listCasesOpenedBetween, listCompensationsAppliedBetween } from '../case.repository.js';
import { isFinalCaseState } from '../case.state-machine.js';

const DAY_MS = 24 * 3600_000;

/**
 * The case page's figures for cases opened between two China dates (inclusive): by type and state, time to resolve,
 * share within the SLA, refunds, and goodwill per agent. Refunds count completed cases; goodwill counts what was applied
 * in the period.
 */
export async function caseFigures(app: AppContext, shopId: string, range: { from?: string; to?: string }): Promise<CaseFigures> {
  const now = app.now();
  const to = range.to ?? chinaTimeOf(now).date;
  const from = range.from ?? chinaTimeOf(new Date(chinaMidnightOf(to) - 29 * DAY_MS)).date;
  const start = new Date(chinaMidnightOf(from)).toISOString();
  const end = new Date(chinaMidnightOf(to) + DAY_MS).toISOString();
  const [cases, compensations] = await Promise.all([
    listCasesOpenedBetween(app.storage.db, shopId, start, end),
    listCompensationsAppliedBetween(app.storage.db, shopId, start, end),
  ]);
  const closed = cases.filter((c) => isFinalCaseState(c.state) && c.closed_at);
  const hours = closed.map((c) => (Date.parse(c.closed_at!) - Date.parse(c.created_at)) / 3600_000);
  const agents = new Map<string, { agentId: string; name: string; count: number; amountFen: number }>();
  for (const c of compensations) {
    const entry = agents.get(c.requested_by) ?? { agentId: c.requested_by, name: c.requested_by_name, count: 0, amountFen: 0 };
    entry.count += 1;
    entry.amountFen += Number(c.amount_fen);
    agents.set(c.requested_by, entry);
  }
  return {
    from,
    to,
    total: cases.length,
    byType: CaseType.options
      .map((type) => {
        const ofType = cases.filter((c) => c.type === type);
        const done = ofType.filter((c) => isFinalCaseState(c.state)).length;
        return { type, open: ofType.length - done, closed: done };
      })
      .filter((row) => row.open + row.closed > 0),
    byState: CaseState.options
      .map((state) => ({ state, count: cases.filter((c) => c.state === state).length }))
      .filter((row) => row.count > 0),
    averageResolveHours: hours.length ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10 : null,
    withinSlaShare: closed.length ? closed.filter((c) => c.closed_at! <= c.deadline_at).length / closed.length : null,
    overdueOpen: cases.filter((c) => !isFinalCaseState(c.state) && Date.parse(c.deadline_at) < now.getTime()).length,
    refundFen: cases.filter((c) => c.state === 'completed').reduce((sum, c) => sum + Number(c.refund_fen ?? 0), 0),
    compensationByAgent: [...agents.values()].sort((a, b) => b.amountFen - a.amountFen),
  };
}
