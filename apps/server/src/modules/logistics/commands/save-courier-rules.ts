import { normaliseProvince, type CourierRule } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { listCourierRules, replaceCourierRules, type StoredCourierRule } from '../courier-rule.repository.js';

/**
 * Saves the shop's 快递选择原则及资费标准 as a whole table (owner, manager). Province names are normalised
 * (浙江 → 浙江省); an unknown one is refused naming it, so a typo never silently drops a province.
 */
export async function saveCourierRules(
  ctx: CommandContext<AgentPrincipal>,
  props: { rules: CourierRule[] },
): Promise<StoredCourierRule[]> {
  const { app, actor } = ctx;
  requireCapability(actor, 'logistics.configure');
  const rules = props.rules.map((rule): StoredCourierRule => {
    const provinces = rule.provinces.map((p) => p.trim());
    const normalised = provinces.includes('default')
      ? ['default']
      : provinces.map((p) => {
          const province = normaliseProvince(p);
          if (!province) throw new AppError('unknown_province', { province: p });
          return province;
        });
    return { ...rule, id: rule.id ?? newId(), provinces: [...new Set(normalised)] };
  });
  const now = app.now().toISOString();
  return app.storage.db.transaction().execute(async (trx) => {
    const before = await listCourierRules(trx, actor.shopId);
    // Ids come from the client when editing; never let one shop's row id collide with another's.
    const taken = new Set(before.map((r) => r.id));
    for (const rule of rules) {
      if (!taken.has(rule.id)) rule.id = newId();
      taken.delete(rule.id);
    }
    await replaceCourierRules(trx, actor.shopId, rules, now);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'logistics.rules_saved',
      targetType: 'shop',
      targetId: actor.shopId,
      before: { rules: before.length },
      after: { rules: rules.length },
      at: now,
    });
    return rules;
  });
}
