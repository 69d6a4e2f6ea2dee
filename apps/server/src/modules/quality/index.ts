/** The quality module's door: the shop's 质检 rules (the matcher itself is shared, in @golddesk/contracts). */
export { readQualityRules, type ShopQualityRules } from './quality-rules.js';
export { registerQualityRoutes } from './quality.routes.js';
