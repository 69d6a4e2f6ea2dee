// Promotions: the shop's campaigns (a section of the 自动化 page).
export { PromotionsSection } from './PromotionsSection';
