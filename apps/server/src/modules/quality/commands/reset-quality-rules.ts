import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAgentAudit } from '../../audit/index.js';
import { readQualityRules, writeQualityRules, type ShopQualityRules } from '../quality-rules.js';

/** Puts the shop back on the built-in 质检 rules (恢复默认), audited; the built-in set keeps up with later releases. */
export async function resetQualityRules(ctx: CommandContext<AgentPrincipal>): Promise<ShopQualityRules> {
  const { app, actor } = ctx;
  requireCapability(actor, 'quality.configure');
  return app.storage.db.transaction().execute(async (trx) => {
    const before = await readQualityRules(trx, actor.shopId);
    if (!before.isDefault) {
      await writeQualityRules(trx, actor.shopId, null);
      await recordAgentAudit(trx, actor, {
        action: 'quality.rules_reset',
        targetType: 'shop',
        targetId: actor.shopId,
        before: { rules: before.rules },
        at: app.now().toISOString(),
      });
    }
    return readQualityRules(trx, actor.shopId);
  });
}
