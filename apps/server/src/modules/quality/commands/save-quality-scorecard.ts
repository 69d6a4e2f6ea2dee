import type { QualityScorecardResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAgentAudit } from '../../audit/index.js';
import { checkScorecardInput } from '../check-scorecard-input.js';
import { readQualityScorecard, writeQualityScorecard } from '../quality-scorecard.js';

/**
 * Replaces the shop's scorecard (评分表, quality.configure), audited. A malformed one is refused saying which item and
 * field, or that the items do not add up to 100; nothing is saved then. Reviews already saved keep the items they
 * were scored on. `body` is the request as sent: `{ items: [...] }`.
 */
export async function saveQualityScorecard(
  ctx: CommandContext<AgentPrincipal>,
  body: unknown,
): Promise<QualityScorecardResponse> {
  const { app, actor } = ctx;
  requireCapability(actor, 'quality.configure');
  const scorecard = checkScorecardInput(body);
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await readQualityScorecard(trx, actor.shopId);
    await writeQualityScorecard(trx, actor.shopId, scorecard);
    await recordAgentAudit(trx, actor, {
      action: 'quality.scorecard_changed',
      targetType: 'shop',
      targetId: actor.shopId,
      before: before.scorecard,
      after: scorecard,
      at: app.now().toISOString(),
    });
  });
  return { scorecard, isDefault: false };
}
