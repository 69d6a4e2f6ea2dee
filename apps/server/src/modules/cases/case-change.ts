import type { CaseState, ServerTextLine } from '@golddesk/contracts';
import type { Updateable } from 'kysely';
import type { AppContext, OpenTransaction, TransactionalContext } from '../../platform/app-context.js';
import type { Database } from '../../platform/db/schema.js';
import { recordEvents } from '../../platform/events/outbox.js';
import { AppError } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { Principal } from '../../platform/security/tokens.js';
import { recordAudit } from '../audit/index.js';
import { publishStoredMessages, writeSystemMessage, type StoredMessage } from '../conversations/index.js';
import { presentBuyerCase, presentCase } from './case.presenter.js';
import { findCaseRecord, insertCaseEvent, updateCaseIfIn, type CaseRecord, type CaseWithNames } from './case.repository.js';
import { isFinalCaseState } from './case.state-machine.js';
import { refusedMove } from './case-errors.js';

/**
 * What writing to a case needs: the platform and the open transaction. Agents' and buyers' commands pass their
 * context; the store integration (a refund reported done) passes its own transaction.
 */
export interface CaseWrite {
  app: AppContext;
  transaction: OpenTransaction;
}

/** Who changed a case, as its timeline names them. */
export interface CaseActor {
  kind: 'agent' | 'buyer' | 'system' | 'integration';
  id: string | null;
  name: string;
}

/** The case's timeline name for whoever holds the token: the agent, or 买家 for the buyer themselves. */
export function caseActorOf(principal: Principal): CaseActor {
  return principal.kind === 'agent'
    ? { kind: 'agent', id: principal.agentId, name: principal.name }
    : { kind: 'buyer', id: principal.buyerId, name: '买家' };
}

/** One step in a case's timeline. */
export interface TimelineDraft {
  kind: string;
  note?: string | null;
  data?: Record<string, unknown>;
}

/** What one change does to a case. */
export interface CaseChange {
  /** The state it moves to (the caller checked the machine allows it). */
  to?: CaseState;
  /** Other fields to write. */
  set?: Omit<Updateable<Database['cases']>, 'state' | 'updated_at' | 'closed_at'>;
  /** Timeline entries, in order; a move's entry carries from → to. */
  entries: TimelineDraft[];
  /** Chat lines to the buyer, in order (coded, so agents reading English see English). */
  tell?: ServerTextLine[];
  /** An agent's decision is audited. */
  audit?: { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

/**
 * Writes one change to a case in the caller's transaction: fields and state (only if the case is still where the
 * caller read it), timeline, the buyer's chat lines, the audit entry, and the `aftersale.updated` webhook event (outbox).
 * Agents and the buyer get `case.updated` once it committed. Returns the case as it now stands.
 */
export async function applyCaseChange(
  ctx: CaseWrite,
  current: CaseWithNames,
  actor: CaseActor,
  change: CaseChange,
): Promise<CaseRecord> {
  const { app, transaction } = ctx;
  const { trx, afterCommit } = transaction;
  const now = app.now().toISOString();
  const moving = change.to && change.to !== current.state;
  const written = await updateCaseIfIn(trx, current.id, current.state, {
    ...change.set,
    ...(moving ? { state: change.to, closed_at: isFinalCaseState(change.to!) ? now : null } : {}),
    updated_at: now,
  });
  // Someone else moved it between our read and this write: refuse rather than overwrite their step.
  if (!written) {
    const fresh = await findCaseRecord(trx, current.shop_id, current.id);
    throw refusedMove(fresh?.row ?? current, change.to ?? (current.state as CaseState));
  }
  for (const [i, entry] of change.entries.entries()) {
    await insertCaseEvent(trx, {
      id: newId(),
      shop_id: current.shop_id,
      case_id: current.id,
      kind: entry.kind,
      from_state: moving && i === 0 ? current.state : null,
      to_state: moving && i === 0 ? change.to! : null,
      note: entry.note ?? null,
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_name: actor.name,
      data_json: entry.data ? JSON.stringify(entry.data) : null,
      at: now,
    });
  }
  const told: StoredMessage[] = [];
  for (const line of change.tell ?? []) {
    told.push(
      await writeSystemMessage(trx, {
        shopId: current.shop_id,
        buyerId: current.buyer_id,
        body: line.text,
        payload: { notice: line.coded },
        at: now,
      }),
    );
  }
  if (change.audit && actor.kind === 'agent') {
    await recordAudit(trx, {
      shopId: current.shop_id,
      actor: { kind: 'agent', id: actor.id, name: actor.name },
      action: change.audit.action,
      targetType: 'case',
      targetId: current.id,
      before: change.audit.before,
      after: change.audit.after,
      at: now,
    });
  }
  const record = (await findCaseRecord(trx, current.shop_id, current.id))!;
  const view = presentCase(record, { now: app.now(), language: 'zh-CN' });
  await recordEvents(trx, [{ type: 'aftersale.updated', shopId: current.shop_id, case: view, eventId: newId() }], now);
  afterCommit(() => {
    if (told.length)
      publishStoredMessages(
        app,
        told,
        told.map(() => 'system'),
      );
    publishCase(app, record);
  });
  return record;
}

/** Agents (the full case) and the case's buyer (their view) learn the case changed, on any process. */
export function publishCase(app: AppContext, record: CaseRecord) {
  app.bus.publish({
    type: 'case.updated',
    shopId: record.row.shop_id,
    conversationId: record.row.conversation_id ?? undefined,
    case: presentCase(record, { now: app.now(), language: 'zh-CN' }),
    buyerCase: presentBuyerCase(record, 'zh-CN'),
  });
}

/** Loads a case of the actor's shop in the transaction, or 404. */
export async function loadCase(ctx: TransactionalContext<Principal>, caseId: string): Promise<CaseRecord> {
  const record = await findCaseRecord(ctx.transaction.trx, ctx.actor.shopId, caseId);
  if (!record) throw new AppError('not_found', { thing: 'case' });
  return record;
}
