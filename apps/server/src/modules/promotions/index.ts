/** The promotions module's door (auto-replies, quick replies, demo, app). */
export {
  describeActivePromotions,
  describeFreeShipping,
  describePromotionLinks,
  listActivePromotions,
} from './active-promotions.js';
export { registerPromotionRoutes } from './promotion.routes.js';
export { summaryOf as describePromotion } from './promotion.presenter.js';
export { seedDemoPromotions } from './demo-promotions.js';
