import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/database.js';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';

export type AuditRow = Selectable<Database['audit_log']>;

export interface AuditRecord {
  shopId: string;
  actor: { kind: 'agent' | 'system' | 'integration'; id: string | null; name: string };
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

/** Who did what to which thing, when, before → after. Written in the same transaction as the change. */
export async function recordAudit(db: Queryable, record: AuditRecord) {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      shop_id: record.shopId,
      actor_kind: record.actor.kind,
      actor_id: record.actor.id,
      actor_name: record.actor.name,
      action: record.action,
      target_type: record.targetType,
      target_id: record.targetId,
      before_json: record.before ? JSON.stringify(record.before) : null,
      after_json: record.after ? JSON.stringify(record.after) : null,
      created_at: record.at,
    })
    .execute();
}

export async function listAudit(
  db: Queryable,
  shopId: string,
  filter: { targetType?: string; targetId?: string; limit: number },
) {
  let query = db.selectFrom('audit_log').selectAll().where('shop_id', '=', shopId);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** An agent's change, as most commands record it: the signed-in agent is the actor, their shop the shop. */
export async function recordAgentAudit(
  db: Queryable,
  actor: { shopId: string; agentId: string; name: string },
  change: Omit<AuditRecord, 'shopId' | 'actor' | 'before' | 'after'> & Partial<Pick<AuditRecord, 'before' | 'after'>>,
) {
  await recordAudit(db, {
    shopId: actor.shopId,
    actor: { kind: 'agent', id: actor.agentId, name: actor.name },
    before: null,
    after: null,
    ...change,
  });
}

/**
 * What the audit log keeps of a secret: never the secret, a short fingerprint of it (sha256:1a2b3c4d), enough to tell
 * whether the secret viewed today is the one rotated last week.
 */
export function secretFingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;
}
