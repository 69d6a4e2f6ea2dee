import { isQuietTime, isWithinBusinessHours, ShopHours, ShopHoursResponse, type ShopHours as Hours } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { saveShopHours } from './save-shop-hours.js';
import { loadShopHours } from './shop-hours.repository.js';

const tags = ['shop-hours'];

/** 营业时间: business hours per weekday, holidays and quiet hours (China time). */
export function registerShopHoursRoutes(app: HttpServer, ctx: AppContext) {
  const present = (hours: Hours) => {
    const now = ctx.now();
    return { hours, openNow: isWithinBusinessHours(hours, now), quietNow: isQuietTime(hours, now) };
  };

  app.get(
    '/api/v1/shop-hours',
    {
      schema: {
        summary: "The shop's business hours, holidays and quiet hours (China time)",
        tags,
        response: { 200: ShopHoursResponse },
      },
    },
    async (request) => present(await loadShopHours(ctx.storage.db, agentOf(request).shopId)),
  );

  app.put(
    '/api/v1/shop-hours',
    {
      schema: {
        summary: "Change the shop's hours (owner, manager)",
        tags,
        body: ShopHours,
        response: { 200: ShopHoursResponse },
      },
    },
    async (request) => present(await saveShopHours({ app: ctx, actor: agentOf(request) }, request.body)),
  );
}
