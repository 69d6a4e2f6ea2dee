/** The reviews module's door: marketplace reviews (评价) and the follow-up of 中差评. */
export { recordReview, type RecordReviewProps } from './commands/record-review.js';
export { reviewTaskOutcome } from './commands/record-review-outcome.js';
export { registerReviewRoutes } from './review.routes.js';
