import type { z } from 'zod';
import type { WebhookDeliveryView, WebhookView } from '@golddesk/contracts';
import type { DeliveryRow, WebhookRow } from './webhook.repository.js';

export function presentWebhook(row: WebhookRow): z.infer<typeof WebhookView> {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events),
    active: Number(row.active) === 1,
    secret: row.secret,
    createdAt: row.created_at,
  };
}

export function presentDelivery(row: DeliveryRow): z.infer<typeof WebhookDeliveryView> {
  return {
    id: row.id,
    eventType: row.event_type,
    status: row.status as z.infer<typeof WebhookDeliveryView>['status'],
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    nextAttemptAt: row.next_attempt_at,
  };
}
