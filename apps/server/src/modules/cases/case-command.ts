import { inTransaction, type CommandContext, type TransactionalContext } from '../../platform/app-context.js';
import { findIdempotentAnswer, requestFingerprint, storeIdempotentAnswer } from '../../platform/db/idempotency.js';
import type { Principal } from '../../platform/security/tokens.js';
import { loadCase } from './case-change.js';
import type { CaseRecord } from './case.repository.js';

/** What a case command answers: the case, and for goodwill whether it applied or became a request. */
export interface CaseOutcome {
  caseId: string;
  result?: 'applied' | 'approval_requested';
  approvalId?: string;
}

export interface CaseCommandRun<P, A extends Principal> {
  /** Names the command in the idempotency key (`case-<action>:<requestId>`). */
  action: string;
  caseId: string;
  /** The request as validated; with a requestId, sending it again returns the first answer. */
  props: P & { requestId?: string };
  work(ctx: TransactionalContext<A>, record: CaseRecord): Promise<Omit<CaseOutcome, 'caseId'> | void>;
}

/**
 * Runs one command on a case: idempotency by the client's requestId (the same request again answers as the first time;
 * the same id for something else is refused), the case loaded in the transaction (404 when it is not the actor's
 * shop's), then the command's work; its writes and events commit together.
 */
export async function runCaseCommand<P, A extends Principal>(
  ctx: CommandContext<A>,
  run: CaseCommandRun<P, A>,
): Promise<CaseOutcome> {
  const { app, actor } = ctx;
  const requestId = run.props.requestId;
  const key = requestId ? `case-${run.action}:${requestId}` : undefined;
  const by = actor.kind === 'agent' ? actor.agentId : actor.buyerId;
  const fingerprint = requestFingerprint({ action: run.action, caseId: run.caseId, props: run.props, by });
  if (key) {
    const answered = await findIdempotentAnswer<CaseOutcome>(app.storage.db, actor.shopId, key, fingerprint);
    if (answered) return answered;
  }
  return inTransaction(ctx, async (inner) => {
    const record = await loadCase(inner, run.caseId);
    const outcome: CaseOutcome = { caseId: record.row.id, ...(await run.work(inner, record)) };
    if (key) {
      await storeIdempotentAnswer(inner.transaction.trx, {
        shopId: actor.shopId,
        key,
        fingerprint,
        answer: outcome,
        at: app.now().toISOString(),
      });
    }
    return outcome;
  });
}
