import type { AppContext, TransactionalContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import type { TaskWithNumbers } from './task.repository.js';

/** What a finished task means to the work it came from (a case learns its replacement shipped …). */
export type TaskOutcome = (
  ctx: TransactionalContext<AgentPrincipal>,
  task: TaskWithNumbers,
  result: Record<string, unknown>,
) => Promise<void>;

const outcomes = new WeakMap<AppContext, TaskOutcome[]>();

/**
 * Registers what finishing a task does beyond the task (app.ts, at start-up). The modules whose work creates tasks sit
 * above this one, so they are called back instead of imported; each outcome runs in the completion's transaction.
 */
export function provideTaskOutcome(app: AppContext, outcome: TaskOutcome): void {
  outcomes.set(app, [...(outcomes.get(app) ?? []), outcome]);
}

export function taskOutcomesOf(app: AppContext): TaskOutcome[] {
  return outcomes.get(app) ?? [];
}
