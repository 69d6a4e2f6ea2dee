import { isWithinBusinessHours, nextOpeningOf, type ServiceStatus } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { loadShopHours } from './shop-hours.repository.js';

/** What the buyer's widget says about service now: open by the hours (app clock), anyone online, next opening. */
export async function serviceStatusOf(app: AppContext, shopId: string): Promise<ServiceStatus> {
  const [hours, agents] = await Promise.all([loadShopHours(app.storage.db, shopId), app.presence.online(shopId)]);
  const now = app.now();
  const open = isWithinBusinessHours(hours, now);
  return { open, agentsOnline: agents > 0, nextOpenAt: open ? null : (nextOpeningOf(hours, now)?.toISOString() ?? null) };
}

/** Tells the shop's open widgets (on every process) the status as it is now. */
export async function announceServiceStatus(app: AppContext, shopId: string): Promise<void> {
  app.bus.publish({ type: 'shop.status_changed', shopId, service: await serviceStatusOf(app, shopId) });
}
