import type { Transaction } from 'kysely';
import type { CommandContext } from '../../platform/app-context.js';
import type { Database } from '../../platform/db/schema.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { recordAudit } from '../audit/index.js';

export interface CatalogueEdit<T> {
  result: T;
  /** Audit entry: before → after of what changed. */
  audit: {
    action: string;
    targetType: 'product' | 'bundle';
    targetId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  };
}

/** Every catalogue edit: role check, one transaction with the change and its audit entry. */
export async function runCatalogueEdit<T>(
  ctx: CommandContext<AgentPrincipal>,
  work: (trx: Transaction<Database>, now: string) => Promise<CatalogueEdit<T>>,
): Promise<T> {
  const { app, actor } = ctx;
  requireCapability(actor, 'catalogue.edit');
  return app.storage.db.transaction().execute(async (trx) => {
    const now = app.now().toISOString();
    const edit = await work(trx, now);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: edit.audit.action,
      targetType: edit.audit.targetType,
      targetId: edit.audit.targetId,
      before: edit.audit.before,
      after: edit.audit.after,
      at: now,
    });
    return edit.result;
  });
}

/** The same props compare equal whatever their key order. */
export function propsKey(props: Record<string, string>): string {
  return JSON.stringify(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function describeProps(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([name, value]) => `${name}:${value}`)
    .join(' ');
}
