/** The shops module's door: the only file other modules import. */
export { readShopSettingsJson, shopSettingOf, storedShopSetting, writeShopSetting } from './shop-settings.js';
export {
  anyShopExists,
  findShopById,
  findShopBySlug,
  findShopName,
  findShopNameAndSettings,
  findShopSettings,
  insertShop,
  listShopSettings,
} from './shop.repository.js';
