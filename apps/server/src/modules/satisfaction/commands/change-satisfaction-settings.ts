import type { SatisfactionSettings } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAudit } from '../../audit/index.js';
import { readSatisfactionSettings, writeSatisfactionSettings } from '../satisfaction-settings.js';

/** The managers switch rating invitations on or off and set the idle minutes; audited with before and after. */
export async function changeSatisfactionSettings(
  ctx: CommandContext<AgentPrincipal>,
  settings: SatisfactionSettings,
): Promise<SatisfactionSettings> {
  const { app, actor } = ctx;
  requireCapability(actor, 'measures.configure');
  await inTransaction(ctx, async ({ transaction: { trx } }) => {
    const before = await readSatisfactionSettings(trx, actor.shopId);
    await writeSatisfactionSettings(trx, actor.shopId, settings);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'satisfaction.settings_changed',
      targetType: 'shop',
      targetId: actor.shopId,
      before,
      after: settings,
      at: app.now().toISOString(),
    });
  });
  return readSatisfactionSettings(app.storage.db, actor.shopId);
}
