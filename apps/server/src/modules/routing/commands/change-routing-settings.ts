import type { RoutingSettings } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { recordAgentAudit } from '../../audit/index.js';
import { checkRoutingSettings, readRoutingSettings, writeRoutingSettings } from '../routing-settings.js';
import { fillFreeSlots } from './fill-free-slots.js';

/** Saves the shop's routing settings (audited); switching 自动分配 on, or new rules, may place queued buyers at once. */
export async function changeRoutingSettings(
  ctx: CommandContext<AgentPrincipal>,
  requested: RoutingSettings,
): Promise<RoutingSettings> {
  const { app, actor } = ctx;
  requireCapability(actor, 'routing.configure');
  const settings = checkRoutingSettings({
    ...requested,
    rules: requested.rules.map((rule) => ({ ...rule, id: rule.id ?? newId() })),
  });
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await readRoutingSettings(trx, actor.shopId);
    await writeRoutingSettings(trx, actor.shopId, settings);
    await recordAgentAudit(trx, actor, {
      action: 'routing.settings_changed',
      targetType: 'shop',
      targetId: actor.shopId,
      before: { ...before },
      after: { ...settings },
      at: app.now().toISOString(),
    });
  });
  await fillFreeSlots(app, actor.shopId);
  return settings;
}
