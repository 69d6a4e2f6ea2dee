import { randomBytes } from 'node:crypto';
import fastifyWebsocket from '@fastify/websocket';
import { HealthResponse } from '@golddesk/contracts';
import { Redis } from 'ioredis';
import { registerAttachmentRoutes } from './modules/attachments/index.js';
import { registerAuthRoutes } from './modules/auth/index.js';
import { AUTH_JOBS, authenticate, autoOfflineSchedule } from './modules/auth/index.js';
import { registerCatalogueRoutes } from './modules/catalogue/index.js';
import { registerConversationRoutes } from './modules/conversations/index.js';
import { registerCustomerRoutes } from './modules/crm/index.js';
import { registerCrmRoutes } from './modules/crm/index.js';
import { seedDemoShop } from './modules/demo/index.js';
import { registerDemoIdentityRoutes } from './modules/demo/index.js';
import { MessageWriter, provideOrderCards } from './modules/conversations/index.js';
import { registerMessageRoutes } from './modules/conversations/index.js';
import { registerSetupRoutes } from './modules/setup/index.js';
import { registerTeamRoutes } from './modules/team/index.js';
import { registerRoleRoutes } from './modules/permissions/index.js';
import { findOrderCard, orderApprovalTarget, registerOrderRoutes } from './modules/orders/index.js';
import { provideApprovalTarget, registerApprovalRoutes } from './modules/approvals/index.js';
import {
  CASE_JOBS,
  caseApprovalTarget,
  caseDeadlineSchedule,
  caseTaskOutcome,
  registerAftersalePolicyRoutes,
  registerCaseRoutes,
  registerCaseWidgetRoutes,
} from './modules/cases/index.js';
import { provideTaskOutcome, provideTaskSource, registerTaskRoutes } from './modules/tasks/index.js';
import { registerRoutingRoutes, ROUTING_JOBS, routingSweepSchedule, startRouting } from './modules/routing/index.js';
import { dailySummarySchedule, MEASURES_JOBS, registerMeasuresRoutes, startMeasures } from './modules/measures/index.js';
import { registerReviewRoutes, reviewTaskOutcome } from './modules/reviews/index.js';
import { registerAuditRoutes } from './modules/audit/index.js';
import { registerImportRoutes } from './modules/imports/index.js';
import { registerIntegrationRoutes } from './modules/integration/index.js';
import { LOGISTICS_JOBS, registerLogisticsRoutes, stalledParcelSchedule } from './modules/logistics/index.js';
import {
  PAYMENT_REMINDER_JOBS,
  paymentReminderSchedule,
  reminderTaskSource,
  registerPaymentReminderRoutes,
} from './modules/payment-reminders/index.js';
import { BROADCAST_JOBS, broadcastSchedule, registerBroadcastRoutes, startOptOutListener } from './modules/broadcasts/index.js';
import { startJobs, type JobRuntime } from './platform/jobs/index.js';
import {
  AUTO_REPLY_JOBS,
  delayedRepliesSchedule,
  registerAutoReplyRoutes,
  startAutoReplies,
} from './modules/auto-replies/index.js';
import { registerPromotionRoutes } from './modules/promotions/index.js';
import { registerShopHoursRoutes } from './modules/shop-hours/index.js';
import {
  registerSatisfactionRoutes,
  SATISFACTION_JOBS,
  satisfactionSweepSchedule,
  startSatisfaction,
} from './modules/satisfaction/index.js';
import { findShopBySlug } from './modules/shops/index.js';
import { registerQuickReplyRoutes } from './modules/quick-replies/index.js';
import {
  QUALITY_JOBS,
  qualityHistorySchedule,
  registerQualityInspectionRoutes,
  registerQualityRoutes,
  startQuality,
} from './modules/quality/index.js';
import { registerAssistantRoutes } from './modules/assistant/index.js';
import { WebhookDispatcher } from './modules/webhooks/index.js';
import { registerWebhookRoutes } from './modules/webhooks/index.js';
import { WEBHOOK_JOBS, webhookRetrySchedule } from './modules/webhooks/index.js';
import { registerStreamRoutes } from './modules/stream/index.js';
import { registerWidgetRoutes } from './modules/widget/index.js';
import type { AppContext } from './platform/app-context.js';
import type { Config } from './platform/config/config.js';
import { openStorage, type Storage } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { ensureSetting } from './platform/db/settings.repository.js';
import { LocalEventBus, RedisEventBus, type EventBus } from './platform/events/event-bus.js';
import { OutboxRelay } from './platform/events/outbox-relay.js';
import { registerAuthentication } from './platform/http/auth.js';
import { createHttpServer, type HttpServer } from './platform/http/http-server.js';
import { registerCrossOrigin } from './platform/http/cross-origin.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerStaticFiles } from './platform/http/static-files.js';
import { StreamHub } from './platform/realtime/stream-hub.js';
import { MemoryAttemptCounter, RedisAttemptCounter } from './platform/security/attempt-counter.js';
import { MemoryAgentPresence, RedisAgentPresence } from './platform/realtime/agent-presence.js';
import { TokenService } from './platform/security/tokens.js';

export interface GoldDesk {
  http: HttpServer;
  context: AppContext;
  /** This process's background jobs (tests call jobs.tick() / jobs.runDue() with the app clock). */
  jobs: JobRuntime;
  /** Hands committed outbox events to webhooks and automation (runs on its own in a worker; tests may drain() it). */
  outbox: OutboxRelay;
  /** This process's WebSocket hub (tests call realtime.closeExpired() after moving the app clock). */
  realtime: StreamHub;
  /** Webhook deliveries (tests that write a webhook row directly call webhooks.invalidate(shopId)). */
  webhooks: WebhookDispatcher;
  /** Stops accepting, lets requests in flight finish, closes sockets, storage and Redis. */
  close(): Promise<void>;
  /** Set when the demo shop was created with a generated password. */
  demoPassword?: string;
}

/** Builds a complete server (not yet listening) from a validated config. */
export async function buildApp(config: Config, options: { now?: () => Date } = {}): Promise<GoldDesk> {
  const storage = openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(storage);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const bus: EventBus = config.redisUrl ? await RedisEventBus.connect(config.redisUrl) : new LocalEventBus();
  const http = await createHttpServer({ logLevel: config.logLevel, trustProxy: config.trustProxy });
  const secret = await signingSecret(config, storage);
  const context: AppContext = {
    config,
    storage,
    bus,
    tokens: new TokenService(
      secret,
      {
        agentSeconds: config.agentTokenTtlSeconds,
        buyerSeconds: config.buyerTokenTtlSeconds,
      },
      () => context.now(),
    ),
    attempts: redis ? new RedisAttemptCounter(redis, secret) : new MemoryAttemptCounter(() => context.now().getTime()),
    presence: redis ? new RedisAgentPresence(redis, secret) : new MemoryAgentPresence(),
    log: http.log,
    now: options.now ?? (() => new Date()),
  };

  const writer = new MessageWriter(context);
  // Lower modules call up through what higher ones provide, never by importing them.
  provideOrderCards(context, findOrderCard);
  provideApprovalTarget(context, 'order', orderApprovalTarget);
  provideApprovalTarget(context, 'case', caseApprovalTarget);
  provideTaskOutcome(context, caseTaskOutcome);
  provideTaskOutcome(context, reviewTaskOutcome);
  provideTaskSource(context, reminderTaskSource);
  const hub = new StreamHub(bus, () => context.now());
  bus.onPublishFailed((event, err) =>
    context.log.warn({ err, event: event.type }, 'event bus publish failed: live frames lost, the outbox relay still delivers'),
  );
  // A web-only process queues jobs for the workers but runs none itself (GOLDDESK_ROLES).
  const jobs = await startJobs(context, {
    jobs: [
      ...PAYMENT_REMINDER_JOBS,
      ...BROADCAST_JOBS,
      ...WEBHOOK_JOBS,
      ...LOGISTICS_JOBS,
      ...AUTO_REPLY_JOBS,
      ...CASE_JOBS,
      ...ROUTING_JOBS,
      ...MEASURES_JOBS,
      ...AUTH_JOBS,
      ...SATISFACTION_JOBS,
      ...QUALITY_JOBS,
    ],
    schedules: [
      paymentReminderSchedule,
      broadcastSchedule,
      webhookRetrySchedule,
      stalledParcelSchedule,
      delayedRepliesSchedule,
      caseDeadlineSchedule,
      routingSweepSchedule,
      dailySummarySchedule,
      autoOfflineSchedule,
      satisfactionSweepSchedule,
      qualityHistorySchedule,
    ],
    tickMs: config.roles.worker ? config.jobsTickMs : 0,
  });
  const webhooks = new WebhookDispatcher(context, jobs.queue);
  const outbox = new OutboxRelay(context);
  outbox.subscribe('webhooks', (relayed) => webhooks.onRelayedEvent(relayed));
  const optOuts = startOptOutListener(context, outbox);
  const autoReplies = startAutoReplies(context, outbox);
  const stopRouting = startRouting(context);
  const stopSatisfaction = startSatisfaction(context, jobs.queue);
  const stopMeasures = startMeasures(context, outbox);
  const stopQuality = startQuality(context, outbox);
  await http.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await registerCrossOrigin(http);
  registerSecurityHeaders(http);
  registerAuthentication(http, async (token) => (await authenticate(context, token)).principal);
  http.get(
    '/healthz',
    { config: { auth: 'public' }, schema: { tags: ['public'], response: { 200: HealthResponse } } },
    async () => ({ status: 'ok' as const }),
  );
  registerAuthRoutes(http, context);
  registerSetupRoutes(http, context);
  registerConversationRoutes(http, context);
  registerMessageRoutes(http, context, writer);
  registerWidgetRoutes(http, context);
  registerDemoIdentityRoutes(http, context);
  registerAttachmentRoutes(http, context);
  registerCatalogueRoutes(http, context);
  registerCustomerRoutes(http, context);
  registerCrmRoutes(http, context);
  registerTeamRoutes(http, context);
  registerRoleRoutes(http, context);
  registerOrderRoutes(http, context);
  registerApprovalRoutes(http, context);
  registerCaseRoutes(http, context);
  registerCaseWidgetRoutes(http, context);
  registerAftersalePolicyRoutes(http, context);
  registerTaskRoutes(http, context);
  registerRoutingRoutes(http, context);
  registerMeasuresRoutes(http, context);
  registerReviewRoutes(http, context);
  registerAuditRoutes(http, context);
  registerImportRoutes(http, context);
  registerIntegrationRoutes(http, context);
  registerLogisticsRoutes(http, context);
  registerPaymentReminderRoutes(http, context);
  registerBroadcastRoutes(http, context);
  registerPromotionRoutes(http, context);
  registerAutoReplyRoutes(http, context);
  registerShopHoursRoutes(http, context);
  registerSatisfactionRoutes(http, context);
  registerQuickReplyRoutes(http, context);
  registerQualityRoutes(http, context);
  registerQualityInspectionRoutes(http, context);
  registerAssistantRoutes(http, context);
  registerWebhookRoutes(http, context, webhooks);
  registerStreamRoutes(http, context, hub, writer);
  http.get('/api/v1/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => http.swagger());
  await registerStaticFiles(http);

  let demoPassword: string | undefined;
  if (config.demo) demoPassword = (await seedDemoShopOnce(context)).generatedPassword;

  if (config.roles.worker) outbox.start();
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      hub.closeAll(1001, 'server restarting');
      await http.close();
      await writer.close();
      await outbox.stop();
      await jobs.stop();
      await autoReplies.stop();
      stopRouting();
      stopSatisfaction();
      await stopMeasures();
      await stopQuality();
      await optOuts.stop();
      await context.presence.close().catch(() => undefined);
      await bus.close();
      redis?.disconnect();
      await storage.close();
    })());
  return { http, context, jobs, outbox, realtime: hub, webhooks, close, demoPassword };
}

/** Two processes starting together on one empty database: one seeds, the other finds the shop. */
async function seedDemoShopOnce(context: AppContext) {
  try {
    return await seedDemoShop(context);
  } catch (error) {
    const exists = await findShopBySlug(context.storage.db, 'demo');
    if (exists) return { created: false };
    throw error;
  }
}

/** GOLDDESK_SECRET, or one generated once and kept in the database so every process signs alike. */
async function signingSecret(config: Config, storage: Storage): Promise<string> {
  if (config.secret) return config.secret;
  return ensureSetting(storage.db, 'token_secret', randomBytes(48).toString('base64url'));
}
