import type { CourierRule } from '@golddesk/contracts';
import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type CourierRuleRow = Selectable<Database['courier_rules']>;
export type StoredCourierRule = CourierRule & { id: string };

/** The shop's courier rules in the order the shop arranged them. */
export async function listCourierRules(db: Queryable, shopId: string): Promise<StoredCourierRule[]> {
  const rows = await db.selectFrom('courier_rules').selectAll().where('shop_id', '=', shopId).orderBy('position').execute();
  return rows.map(presentCourierRule);
}

export function presentCourierRule(row: CourierRuleRow): StoredCourierRule {
  return {
    id: row.id,
    carrier: row.carrier as CourierRule['carrier'],
    provinces: JSON.parse(row.provinces_json) as string[],
    firstWeightFen: Number(row.first_weight_fen),
    additionalFen: Number(row.additional_fen),
    deliveryDays: row.delivery_days,
    priority: Number(row.priority),
    enabled: Number(row.enabled) === 1,
  };
}

/** Replaces the shop's whole rule table (the page edits it as one table). */
export async function replaceCourierRules(db: Queryable, shopId: string, rules: StoredCourierRule[], now: string) {
  await db.deleteFrom('courier_rules').where('shop_id', '=', shopId).execute();
  if (rules.length === 0) return;
  await db
    .insertInto('courier_rules')
    .values(
      rules.map((r, position) => ({
        id: r.id,
        shop_id: shopId,
        carrier: r.carrier,
        provinces_json: JSON.stringify(r.provinces),
        first_weight_fen: r.firstWeightFen,
        additional_fen: r.additionalFen,
        delivery_days: r.deliveryDays,
        priority: r.priority,
        enabled: r.enabled ? 1 : 0,
        position,
        updated_at: now,
      })),
    )
    .execute();
}
