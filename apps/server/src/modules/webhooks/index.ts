/** The webhooks module's door: the only file other modules import. */
export { WebhookDispatcher } from './webhook-dispatcher.js';
export { WEBHOOK_JOBS, webhookRetrySchedule } from './webhook.jobs.js';
export { registerWebhookRoutes } from './webhook.routes.js';
