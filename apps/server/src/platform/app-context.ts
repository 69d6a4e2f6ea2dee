import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { Config } from './config/config.js';
import type { Storage } from './db/database.js';
import type { Database } from './db/schema.js';
import type { EventBus } from './events/event-bus.js';
import type { AgentPresence } from './realtime/agent-presence.js';
import type { AttemptCounter } from './security/attempt-counter.js';
import type { Principal, TokenService } from './security/tokens.js';

/** Infrastructure handed to every command and query; no business rules live here. */
export interface AppContext {
  config: Config;
  storage: Storage;
  bus: EventBus;
  tokens: TokenService;
  attempts: AttemptCounter;
  /** Which agents have a live stream, per shop (across processes with Redis). */
  presence: AgentPresence;
  log: FastifyBaseLogger;
  /** The clock; tests replace it. */
  now(): Date;
}

/** What a use case runs with: the platform, who is acting, and the caller's transaction when it runs inside one. */
export interface CommandContext<P extends Principal = Principal> {
  app: AppContext;
  actor: P;
  /**
   * Set when the caller already opened a transaction (an approval applying an order action, a case applying an
   * approval …): the command writes in it and leaves its publishing until that transaction committed.
   */
  transaction?: OpenTransaction;
}

/** A transaction commands share, and what waits for it to commit. */
export interface OpenTransaction {
  trx: Transaction<Database>;
  /** Runs `effect` once the outermost transaction committed; never when it rolls back. */
  afterCommit(effect: AfterCommitEffect): void;
}

/** Something only others should see once the change is durable (an event on the bus, a notice). */
export type AfterCommitEffect = () => void | Promise<void>;

/** A context whose transaction is open: commands called with it join that transaction. */
export type TransactionalContext<P extends Principal = Principal> = CommandContext<P> & { transaction: OpenTransaction };

/**
 * Runs `work` in the caller's transaction when `ctx` has one, or in a new one. The effects `work` registers run
 * after the outermost transaction committed, in the order registered; when it rolls back they are dropped. So
 * commands compose: several of them (case + approval + order + task) can write in one commit and publish once.
 */
export async function inTransaction<T, P extends Principal>(
  ctx: CommandContext<P>,
  work: (inner: TransactionalContext<P>) => Promise<T>,
): Promise<T> {
  if (ctx.transaction) return work({ ...ctx, transaction: ctx.transaction });
  const effects: AfterCommitEffect[] = [];
  const result = await ctx.app.storage.db
    .transaction()
    .execute((trx) => work({ ...ctx, transaction: { trx, afterCommit: (effect) => effects.push(effect) } }));
  for (const effect of effects) {
    // The change is committed: a failed notice must not turn it into an error the caller would retry.
    try {
      await effect();
    } catch (error) {
      ctx.app.log.error({ err: error }, 'after-commit effect failed');
    }
  }
  return result;
}

export function isoNow(app: AppContext): string {
  return app.now().toISOString();
}
