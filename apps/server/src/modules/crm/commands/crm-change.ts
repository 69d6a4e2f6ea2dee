import type { Transaction } from 'kysely';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { findBuyer } from '../buyer.repository.js';

type BuyerRow = NonNullable<Awaited<ReturnType<typeof findBuyer>>>;

/** What a change to a buyer wrote, for the audit log; null when nothing changed. */
export type CrmAudit = { action: string; before: Record<string, unknown>; after: Record<string, unknown> } | null;

/**
 * Loads the agent's shop's buyer in a transaction, applies the change and records the audit entry in the
 * same transaction. Unknown buyers and buyers of other shops are both "not found".
 */
export async function changeBuyer(
  ctx: CommandContext<AgentPrincipal>,
  buyerId: string,
  apply: (trx: Transaction<Database>, buyer: BuyerRow, now: string) => Promise<CrmAudit>,
): Promise<void> {
  const { app, actor } = ctx;
  await app.storage.db.transaction().execute(async (trx) => {
    const buyer = await findBuyer(trx, actor.shopId, buyerId);
    if (!buyer) throw new AppError('not_found', { thing: 'buyer' });
    const now = app.now().toISOString();
    const audit = await apply(trx, buyer, now);
    if (!audit) return;
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: audit.action,
      targetType: 'buyer',
      targetId: buyer.id,
      before: audit.before,
      after: audit.after,
      at: now,
    });
  });
}
