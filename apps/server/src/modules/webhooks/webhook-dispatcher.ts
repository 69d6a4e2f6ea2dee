import type { AppContext } from '../../platform/app-context.js';
import type { RelayedEvent } from '../../platform/events/outbox.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/index.js';
import { enqueueDelivery, listWebhooks, type DeliveryRow, type WebhookRow } from './webhook.repository.js';
import { enqueueDeliveryAttempt } from './webhook.jobs.js';

/** Subscriptions are re-read at most this often, so chat traffic does not query them per message. */
const SUBSCRIPTIONS_TTL_MS = 5000;

/**
 * Outgoing webhooks: takes committed events from the outbox relay (never from the live bus, which may drop them),
 * enqueues one durable delivery per subscribed webhook keyed by the event, and queues its first attempt as a job
 * (`webhooks.deliver@1`); retries come from the `webhooks.due-deliveries` schedule.
 */
export class WebhookDispatcher {
  private readonly subscriptions = new Map<string, { at: number; webhooks: WebhookRow[] }>();

  constructor(
    private readonly app: AppContext,
    private readonly queue: JobQueue,
  ) {}

  /** Forget cached subscriptions of a shop (after they change). */
  invalidate(shopId: string) {
    this.subscriptions.delete(shopId);
  }

  /** Queues a `ping` delivery to one webhook and its first attempt (the 发送测试 button); retried like any other. */
  async enqueuePing(webhook: WebhookRow): Promise<DeliveryRow> {
    const now = this.app.now().toISOString();
    const id = newId();
    const row: DeliveryRow = {
      id,
      shop_id: webhook.shop_id,
      webhook_id: webhook.id,
      event_key: `ping:${id}`,
      event_type: 'ping',
      payload_json: JSON.stringify({ webhookId: webhook.id, message: 'GoldDesk 测试通知 / test delivery' }),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_status: null,
      last_error: null,
      created_at: now,
      delivered_at: null,
    };
    await enqueueDelivery(this.app.storage.db, row);
    await enqueueDeliveryAttempt(this.queue, row);
    return row;
  }

  /** The outbox consumer: idempotent by the event (a delivery is unique per webhook and event key). */
  async onRelayedEvent(relayed: RelayedEvent): Promise<void> {
    const { event, recordedAt } = relayed;
    const described = describe(relayed);
    if (!described) return;
    // Events relayed late (a backlog, a process that was down) go only to webhooks that existed when they happened.
    const webhooks = (await this.webhooksOf(event.shopId)).filter(
      (w) => (JSON.parse(w.events) as string[]).includes(event.type) && w.created_at <= recordedAt,
    );
    const now = this.app.now().toISOString();
    for (const webhook of webhooks) {
      const row = deliveryOf(webhook, { type: event.type, key: described.key, data: described.data }, now);
      // Already there (the event came again after a retry): its attempts are scheduled already.
      if (await enqueueDelivery(this.app.storage.db, row)) await enqueueDeliveryAttempt(this.queue, row);
    }
  }

  private async webhooksOf(shopId: string): Promise<WebhookRow[]> {
    const cached = this.subscriptions.get(shopId);
    if (cached && Date.now() - cached.at < SUBSCRIPTIONS_TTL_MS) return cached.webhooks;
    const webhooks = (await listWebhooks(this.app.storage.db, shopId)).filter((w) => Number(w.active) === 1);
    this.subscriptions.set(shopId, { at: Date.now(), webhooks });
    return webhooks;
  }
}

/** A shop event for its webhooks: its type, the key that makes each webhook's delivery unique, and the body. */
export interface ShopEvent {
  type: string;
  key: string;
  data: unknown;
}

function deliveryOf(webhook: WebhookRow, event: ShopEvent, now: string): DeliveryRow {
  return {
    id: newId(),
    shop_id: webhook.shop_id,
    webhook_id: webhook.id,
    event_key: event.key,
    event_type: event.type,
    payload_json: JSON.stringify(event.data),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_status: null,
    last_error: null,
    created_at: now,
    delivered_at: null,
  };
}

/**
 * Queues an event that is not a relayed domain event (a scheduled report) to the shop's active webhooks subscribed to
 * its type, once per webhook and key; the deliveries schedule sends them within seconds and retries like any other.
 * Returns how many deliveries were queued now.
 */
export async function queueShopEvent(app: AppContext, shopId: string, event: ShopEvent): Promise<number> {
  const now = app.now().toISOString();
  let queued = 0;
  for (const webhook of await listWebhooks(app.storage.db, shopId)) {
    if (Number(webhook.active) !== 1 || !(JSON.parse(webhook.events) as string[]).includes(event.type)) continue;
    if (await enqueueDelivery(app.storage.db, deliveryOf(webhook, event, now))) queued += 1;
  }
  return queued;
}

/** What a subscriber receives for an event, and the key that makes its delivery unique. */
function describe({ id, event }: RelayedEvent): { key: string; data: unknown } | undefined {
  // A blacklisted buyer's messages are held from the shop's own alerts as from the agents.
  if (event.type === 'message.created' && event.held) return undefined;
  if (event.type === 'message.created') return { key: `message:${event.message.id}`, data: { message: event.message } };
  if (event.type === 'order.updated') return { key: `order:${event.order.id}:${id}`, data: { order: event.order } };
  if (event.type === 'aftersale.updated') return { key: `case:${event.case.id}:${id}`, data: { case: event.case } };
  return undefined;
}
