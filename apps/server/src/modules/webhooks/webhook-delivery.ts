import type { AppContext } from '../../platform/app-context.js';
import { SIGNATURE_HEADER, signPayload } from '../../platform/security/hmac-signature.js';
import { claimDelivery, findDeliveryToSend, finishDelivery } from './webhook.repository.js';
import { postWebhook } from './webhook-sender.js';

const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
/** After this many failed attempts a delivery is given up (about a day of back-off). */
export const MAX_ATTEMPTS = 8;

/**
 * Makes one attempt at a delivery when it is due: claims it with a lease (a conditional UPDATE only one sender wins),
 * POSTs it signed, and records the outcome with the next attempt's time (10 s, 20 s, 40 s … capped at an hour).
 * Safe to call twice or on several processes: a delivery that is not due, or taken, is left alone. True when it sent.
 */
export async function attemptDelivery(app: AppContext, deliveryId: string): Promise<boolean> {
  const db = app.storage.db;
  const now = app.now();
  const delivery = await findDeliveryToSend(db, deliveryId);
  if (!delivery || !['pending', 'sending'].includes(delivery.status) || delivery.next_attempt_at > now.toISOString())
    return false;
  if (!(await claimDelivery(db, delivery, new Date(now.getTime() + LEASE_MS).toISOString()))) return false;
  const body = JSON.stringify({
    id: delivery.id,
    type: delivery.event_type,
    occurredAt: delivery.created_at,
    data: JSON.parse(delivery.payload_json),
  });
  const attempts = Number(delivery.attempts) + 1;
  const { status, error } = await postWebhook(
    delivery.url,
    body,
    {
      'content-type': 'application/json',
      'user-agent': 'GoldDesk-Webhooks/1',
      'x-golddesk-event': delivery.event_type,
      'x-golddesk-delivery': delivery.id,
      [SIGNATURE_HEADER]: signPayload(delivery.secret, body, Math.floor(Date.now() / 1000)),
    },
    { timeoutMs: TIMEOUT_MS, allowPrivateNetwork: app.config.webhookAllowPrivateNetwork },
  );
  const at = app.now();
  if (!error && status !== null && status >= 200 && status < 300) {
    await finishDelivery(db, delivery.id, {
      status: 'delivered',
      attempts,
      last_status: status,
      last_error: null,
      delivered_at: at.toISOString(),
    });
    return true;
  }
  const backoff = Math.min(10_000 * 2 ** (attempts - 1), 3_600_000);
  await finishDelivery(db, delivery.id, {
    status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
    attempts,
    last_status: status,
    last_error: error ?? `HTTP ${status}`,
    next_attempt_at: new Date(at.getTime() + backoff).toISOString(),
  });
  return true;
}
