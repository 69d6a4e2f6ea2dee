import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAgentAudit } from '../../audit/index.js';
import { checkQualityRulesInput } from '../check-rules-input.js';
import { readQualityRules, writeQualityRules, type ShopQualityRules } from '../quality-rules.js';

/**
 * Replaces the shop's 质检 rules (质检规则, managers), audited. A malformed rule is refused with its id and field named;
 * nothing is saved then. `body` is the request as sent: `{ rules: [...] }`.
 */
export async function saveQualityRules(ctx: CommandContext<AgentPrincipal>, body: unknown): Promise<ShopQualityRules> {
  const { app, actor } = ctx;
  requireCapability(actor, 'quality.configure');
  const rules = checkQualityRulesInput(body);
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await readQualityRules(trx, actor.shopId);
    await writeQualityRules(trx, actor.shopId, rules);
    await recordAgentAudit(trx, actor, {
      action: 'quality.rules_changed',
      targetType: 'shop',
      targetId: actor.shopId,
      before: { rules: before.rules },
      after: { rules },
      at: app.now().toISOString(),
    });
  });
  return { rules, isDefault: false };
}
