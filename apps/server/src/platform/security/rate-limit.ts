import type { AppContext } from '../app-context.js';
import { AppError, type ErrorCode } from '../http/errors.js';

/** At most `limit` hits per `windowSeconds` for `key` (e.g. one buyer's messages per minute). */
export interface RateBudget {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit and says whether the budget still holds. The count lives in the shared attempt counter (Redis
 * when configured), so a limit holds across server processes. It is a sliding-window estimate: this fixed
 * window's hits plus the previous window's, weighted by how much of it the sliding window still covers, so a
 * burst at a window boundary does not get twice the budget. Window boundaries follow the app clock.
 */
export async function spendRateBudget(app: AppContext, budget: RateBudget): Promise<boolean> {
  const windowMs = budget.windowSeconds * 1000;
  const now = app.now().getTime();
  const index = Math.floor(now / windowMs);
  const stillCovered = 1 - (now - index * windowMs) / windowMs;
  const [current, previous] = await Promise.all([
    // Kept two windows: the next window still weighs this one.
    app.attempts.hit(`rate:${budget.key}:${index}`, budget.windowSeconds * 2),
    app.attempts.count(`rate:${budget.key}:${index - 1}`),
  ]);
  return current + Math.floor(previous * stillCovered) <= budget.limit;
}

/** Counts one hit against every budget; throws `code` (a 429) when any of them is spent. */
export async function requireRateBudgets(app: AppContext, budgets: readonly RateBudget[], code: ErrorCode): Promise<void> {
  const held = await Promise.all(budgets.map((budget) => spendRateBudget(app, budget)));
  if (held.includes(false)) throw new AppError(code);
}
