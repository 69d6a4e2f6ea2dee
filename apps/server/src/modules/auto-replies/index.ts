/** The auto-replies module's door (app, demo, tests). */
export { registerAutoReplyRoutes } from './auto-reply.routes.js';
export { renderReplyText } from './auto-reply-text.js';
export { runDueDelayedReplies } from './jobs/delayed-replies.js';
export { AUTO_REPLY_JOBS, delayedRepliesSchedule } from './jobs/delayed-reply.jobs.js';
export { settleAutoReplies, startAutoReplies, type AutoReplies } from './start-auto-replies.js';
export { seedDemoAutoReplies } from './demo-auto-replies.js';
export { findKeywordRule } from './listeners/on-buyer-message.js';
