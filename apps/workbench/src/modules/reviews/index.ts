// Reviews: 评价 from the marketplace — the 售后 page's tab with the weekly chart, the 中差评 follow-ups and their outcomes.
export { ReviewsPanel } from './ReviewsPanel';
