/** The satisfaction module's door (满意度): invitations to rate, the buyer's rating, the settings, jobs and routes. */
export { registerSatisfactionRoutes } from './satisfaction.routes.js';
export { startSatisfaction } from './start-satisfaction.js';
export { SATISFACTION_JOBS, satisfactionSweepSchedule } from './jobs/satisfaction.jobs.js';
export { inviteIdleBuyers } from './commands/invite-idle-buyers.js';
export { inviteRating, type InviteRatingOutcome } from './commands/invite-rating.js';
export { rateService } from './commands/rate-service.js';
export { buyerInvitation } from './queries/buyer-invitation.js';
