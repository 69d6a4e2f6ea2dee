import type {
  InboundEventLogView,
  IntegrationSettings,
  WebhookDeliveryView,
  WebhookEventType,
  WebhookView,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The inbound events URL, the two secrets and the signature header (owner, manager). */
export function fetchIntegration(signal?: AbortSignal): Promise<IntegrationSettings> {
  return apiRequest<IntegrationSettings>('/api/v1/integration', { signal });
}

/** New secrets; the old ones stop working at once (owner). */
export function rotateSecrets(): Promise<IntegrationSettings> {
  return apiRequest<IntegrationSettings>('/api/v1/integration/rotate', { method: 'POST' });
}

/** The latest 50 events received from the shop's system. */
export async function fetchInboundEvents(signal?: AbortSignal): Promise<InboundEventLogView[]> {
  return (await apiRequest<{ events: InboundEventLogView[] }>('/api/v1/integration/events', { signal })).events;
}

export async function fetchWebhooks(signal?: AbortSignal): Promise<WebhookView[]> {
  return (await apiRequest<{ webhooks: WebhookView[] }>('/api/v1/webhooks', { signal })).webhooks;
}

export async function createWebhook(url: string, events: WebhookEventType[]): Promise<WebhookView> {
  return (await apiRequest<{ webhook: WebhookView }>('/api/v1/webhooks', { method: 'POST', body: { url, events } })).webhook;
}

export async function deleteWebhook(id: string): Promise<void> {
  await apiRequest(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function fetchDeliveries(id: string, signal?: AbortSignal): Promise<WebhookDeliveryView[]> {
  return (
    await apiRequest<{ deliveries: WebhookDeliveryView[] }>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`, { signal })
  ).deliveries;
}

/** Queues a signed `ping` to the webhook now. */
export async function sendTestDelivery(id: string): Promise<WebhookDeliveryView> {
  return (
    await apiRequest<{ delivery: WebhookDeliveryView }>(`/api/v1/webhooks/${encodeURIComponent(id)}/test`, { method: 'POST' })
  ).delivery;
}
