/** The webhooks module's door: the only file other modules import. */
export { queueShopEvent, WebhookDispatcher, type ShopEvent } from './webhook-dispatcher.js';
export { listShopsAwaitingEvent } from './webhook.repository.js';
export { WEBHOOK_JOBS, webhookRetrySchedule } from './webhook.jobs.js';
export { registerWebhookRoutes } from './webhook.routes.js';
