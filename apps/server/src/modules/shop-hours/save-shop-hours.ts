import type { ShopHours } from '@golddesk/contracts';
import type { CommandContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { recordAudit } from '../audit/index.js';
import { announceServiceStatus } from './service-status.js';
import { loadShopHours, writeShopHours } from './shop-hours.repository.js';

/**
 * Saves the shop's hours (owner, manager), audited. With sameEveryDay the first weekday's window is copied to
 * all seven; holidays are kept once per date, in date order.
 */
export async function saveShopHours(ctx: CommandContext<AgentPrincipal>, input: ShopHours): Promise<ShopHours> {
  const { app, actor } = ctx;
  requireCapability(actor, 'shop_hours.edit');
  const first = input.weekly[0]!;
  const byDate = new Map(input.holidays.map((h) => [h.date, { date: h.date, ...(h.label ? { label: h.label } : {}) }]));
  const hours: ShopHours = {
    ...input,
    weekly: input.sameEveryDay ? input.weekly.map(() => ({ ...first })) : input.weekly,
    holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
  const now = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await loadShopHours(trx, actor.shopId);
    await writeShopHours(trx, actor.shopId, hours);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'shop_hours.updated',
      targetType: 'shop',
      targetId: actor.shopId,
      before,
      after: hours,
      at: now,
    });
  });
  // Open widgets say 在线 / 休息中 by these hours: they hear of the change at once.
  await announceServiceStatus(app, actor.shopId);
  return hours;
}
