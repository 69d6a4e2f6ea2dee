/**
 * The shop-hours module's door: business hours, holidays and quiet hours, all in China time (UTC+8).
 * Defaults: business hours 09:00–23:00 every day, no holidays, quiet hours 23:00–08:00.
 */
export {
  DEFAULT_SHOP_HOURS,
  isQuietTime,
  isWithinBusinessHours,
  nextTimeOutsideQuiet,
  type ShopHours,
} from '@golddesk/contracts';
export { loadShopHours, shopHoursOf } from './shop-hours.repository.js';
export { describeShopHours } from './describe-shop-hours.js';
export { registerShopHoursRoutes } from './shop-hours.routes.js';
export { announceServiceStatus, serviceStatusOf } from './service-status.js';
