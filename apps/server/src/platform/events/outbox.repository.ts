import type { ExpressionBuilder, Insertable, Transaction } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** This module's URL, so the SQLite writer thread can load applyOutboxChanges. */
export const OUTBOX_REPOSITORY_MODULE = import.meta.url;

/** An outbox row as a relay pass claims it. */
export interface ClaimedOutboxRow {
  id: string;
  payload_json: string;
  attempts: number;
  created_at: string;
}

/** Writes outbox rows in the caller's transaction. */
export async function insertOutboxEvents(trx: Queryable, rows: Insertable<Database['outbox_events']>[]): Promise<void> {
  await trx.insertInto('outbox_events').values(rows).execute();
}

/** Whether any outbox event is due now and not relayed yet. */
export async function hasDueOutboxEvent(db: Queryable, nowIso: string): Promise<boolean> {
  const left = await db
    .selectFrom('outbox_events')
    .select('id')
    .where('relayed_at', 'is', null)
    .where('available_at', '<=', nowIso)
    .limit(1)
    .executeTakeFirst();
  return left !== undefined;
}

/**
 * Leases up to `limit` due, free events (not relayed, no live lease) to `relayId` in one statement and returns them;
 * the outer condition is checked again on each row, so two relays never hold one event.
 */
export async function claimDueOutboxEvents(
  db: Queryable,
  options: { nowIso: string; leaseUntil: string; relayId: string; limit: number },
): Promise<ClaimedOutboxRow[]> {
  const { nowIso, leaseUntil, relayId, limit } = options;
  const free = (eb: ExpressionBuilder<Database, 'outbox_events'>) =>
    eb.and([eb('relayed_at', 'is', null), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)])]);
  return db
    .updateTable('outbox_events')
    .set({ lease_until: leaseUntil, leased_by: relayId })
    .where('id', 'in', (eb) =>
      eb.selectFrom('outbox_events').select('id').where('available_at', '<=', nowIso).where(free).orderBy('id').limit(limit),
    )
    .where(free)
    .returning(['id', 'payload_json', 'attempts', 'created_at'])
    .execute();
}

/** Marks the given events relayed at `at`, those this relay still holds. */
export async function markOutboxEventsRelayed(db: Queryable, ids: string[], relayId: string, at: string): Promise<void> {
  await db
    .updateTable('outbox_events')
    .set({ relayed_at: at, lease_until: null, last_error: null })
    .where('id', 'in', ids)
    .where('leased_by', '=', relayId)
    .execute();
}

/** Deletes events relayed before `before`. */
export async function deleteRelayedOutboxEventsBefore(db: Queryable, before: string): Promise<void> {
  await db.deleteFrom('outbox_events').where('relayed_at', '<', before).execute();
}

/** Releases an event this relay holds for a retry at `retryAt`, with its attempt count and last error. */
export async function scheduleOutboxEventRetry(
  db: Queryable,
  options: { id: string; relayId: string; attempts: number; retryAt: string; lastError: string },
): Promise<void> {
  await db
    .updateTable('outbox_events')
    .set({ attempts: options.attempts, available_at: options.retryAt, lease_until: null, last_error: options.lastError })
    .where('id', '=', options.id)
    .where('leased_by', '=', options.relayId)
    .execute();
}

/** One change a relay makes to the outbox's bookkeeping (leases, relayed marks, retries, pruning). */
export type OutboxChange =
  | { kind: 'claim'; nowIso: string; leaseUntil: string; relayId: string; limit: number }
  | { kind: 'mark'; ids: string[]; relayId: string; at: string }
  | { kind: 'retry'; id: string; relayId: string; attempts: number; retryAt: string; lastError: string }
  | { kind: 'prune'; before: string };

/**
 * Applies a relay's bookkeeping changes in one transaction (a BatchWriter: on SQLite it runs on its own writer thread,
 * so these durable commits never stall the main thread's sockets). One output per change: the claimed rows for a
 * claim, nothing for the others.
 */
export async function applyOutboxChanges(trx: Transaction<Database>, changes: OutboxChange[]): Promise<ClaimedOutboxRow[][]> {
  const outputs: ClaimedOutboxRow[][] = [];
  for (const change of changes) {
    if (change.kind === 'claim') outputs.push(await claimDueOutboxEvents(trx, change));
    else {
      if (change.kind === 'mark') await markOutboxEventsRelayed(trx, change.ids, change.relayId, change.at);
      else if (change.kind === 'retry') await scheduleOutboxEventRetry(trx, change);
      else await deleteRelayedOutboxEventsBefore(trx, change.before);
      outputs.push([]);
    }
  }
  return outputs;
}
