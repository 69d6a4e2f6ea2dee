import type { AppContext } from '../../platform/app-context.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { newId } from '../../platform/ids.js';
import { SIGNATURE_HEADER, signPayload } from '../../platform/security/hmac-signature.js';
import {
  claimDelivery, enqueueDelivery, findDueDeliveries, finishDelivery, listWebhooks, type DeliveryRow, type WebhookRow,
} from './webhook.repository.js';
import { postWebhook } from './webhook-sender.js';

const POLL_MS = 1000;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
/** After this many failed attempts a delivery is given up (about a day of back-off). */
export const MAX_ATTEMPTS = 8;
/** Subscriptions are re-read at most this often, so chat traffic does not query them per message. */
const SUBSCRIPTIONS_TTL_MS = 5000;

/**
 * Outgoing webhooks: listens to committed events, enqueues one durable delivery per subscribed webhook,
 * and sends due deliveries signed, retrying with back-off. Every process runs one; claims keep a
 * delivery to one sender at a time.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;
  private readonly subscriptions = new Map<string, { at: number; webhooks: WebhookRow[] }>();
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly app: AppContext) {
    this.unsubscribe = app.bus.subscribe((event) => void this.enqueue(event).catch((err) => app.log.warn({ err }, 'webhook enqueue failed')));
    this.timer = setInterval(() => this.tick(), POLL_MS);
    this.timer.unref();
  }

  /** Forget cached subscriptions of a shop (after they change). */
  invalidate(shopId: string) {
    this.subscriptions.delete(shopId);
  }

  /** Queues a `ping` delivery to one webhook and starts sending it (the 发送测试 button); retried like any other. */
  async enqueuePing(webhook: WebhookRow): Promise<DeliveryRow> {
    const now = this.app.now().toISOString();
    const id = newId();
    const row: DeliveryRow = {
      id, shop_id: webhook.shop_id, webhook_id: webhook.id, event_key: `ping:${id}`, event_type: 'ping',
      payload_json: JSON.stringify({ webhookId: webhook.id, message: 'GoldDesk 测试通知 / test delivery' }), status: 'pending', attempts: 0,
      next_attempt_at: now, last_status: null, last_error: null, created_at: now, delivered_at: null,
    };
    await enqueueDelivery(this.app.storage.db, row);
    this.tick();
    return row;
  }

  async close() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe();
    await this.sending;
  }

  private async webhooksOf(shopId: string): Promise<WebhookRow[]> {
    const cached = this.subscriptions.get(shopId);
    if (cached && Date.now() - cached.at < SUBSCRIPTIONS_TTL_MS) return cached.webhooks;
    const webhooks = (await listWebhooks(this.app.storage.db, shopId)).filter((w) => Number(w.active) === 1);
    this.subscriptions.set(shopId, { at: Date.now(), webhooks });
    return webhooks;
  }

  private async enqueue(event: DomainEvent) {
    const described = describe(event);
    if (!described) return;
    const webhooks = (await this.webhooksOf(event.shopId)).filter((w) => (JSON.parse(w.events) as string[]).includes(event.type));
    const now = this.app.now().toISOString();
    for (const webhook of webhooks) {
      await enqueueDelivery(this.app.storage.db, {
        id: newId(), shop_id: event.shopId, webhook_id: webhook.id, event_key: described.key, event_type: event.type,
        payload_json: JSON.stringify(described.data), status: 'pending', attempts: 0, next_attempt_at: now,
        last_status: null, last_error: null, created_at: now, delivered_at: null,
      });
    }
    if (webhooks.length) this.tick();
  }

  /** One sending pass at a time per process. */
  private tick() {
    if (!this.timer) return;
    this.sending = this.sending.then(() => this.sendDue()).catch((err) => this.app.log.warn({ err }, 'webhook delivery pass failed'));
  }

  private async sendDue() {
    const db = this.app.storage.db;
    const now = this.app.now();
    for (const delivery of await findDueDeliveries(db, now.toISOString(), 20)) {
      if (!(await claimDelivery(db, delivery, new Date(now.getTime() + LEASE_MS).toISOString()))) continue;
      const body = JSON.stringify({ id: delivery.id, type: delivery.event_type, occurredAt: delivery.created_at, data: JSON.parse(delivery.payload_json) });
      const attempts = Number(delivery.attempts) + 1;
      const { status, error } = await postWebhook(delivery.url, body, {
        'content-type': 'application/json', 'user-agent': 'GoldDesk-Webhooks/1', 'x-golddesk-event': delivery.event_type,
        'x-golddesk-delivery': delivery.id, [SIGNATURE_HEADER]: signPayload(delivery.secret, body, Math.floor(Date.now() / 1000)),
      }, { timeoutMs: TIMEOUT_MS, allowPrivateNetwork: this.app.config.webhookAllowPrivateNetwork });
      const at = this.app.now();
      if (!error && status !== null && status >= 200 && status < 300) {
        await finishDelivery(db, delivery.id, { status: 'delivered', attempts, last_status: status, last_error: null, delivered_at: at.toISOString() });
      } else {
        // 10 s, 20 s, 40 s … capped at an hour.
        const backoff = Math.min(10_000 * 2 ** (attempts - 1), 3_600_000);
        await finishDelivery(db, delivery.id, {
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, last_status: status,
          last_error: error ?? `HTTP ${status}`, next_attempt_at: new Date(at.getTime() + backoff).toISOString(),
        });
      }
    }
  }
}

/** What a subscriber receives for an event, and the key that makes its delivery unique. */
function describe(event: DomainEvent): { key: string; data: unknown } | undefined {
  // A blacklisted buyer's messages are held from the shop's own alerts as from the agents.
  if (event.type === 'message.created' && event.held) return undefined;
  if (event.type === 'message.created') return { key: `message:${event.message.id}`, data: { message: event.message } };
  if (event.type === 'order.updated') {
    return { key: `order:${event.order.id}:${event.eventId}`, data: { order: event.order } };
  }
  return undefined;
}
