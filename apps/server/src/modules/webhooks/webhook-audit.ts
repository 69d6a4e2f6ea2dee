import type { Queryable } from '../../platform/db/database.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { recordAgentAudit, secretFingerprint } from '../audit/index.js';
import type { WebhookRow } from './webhook.repository.js';

/** The URL without user info, query or fragment: those may carry a receiver's token, which the log must not keep. */
function loggableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '';
  }
}

function describe(webhook: Pick<WebhookRow, 'url' | 'events' | 'secret'>) {
  return {
    url: loggableUrl(webhook.url),
    events: JSON.parse(webhook.events) as string[],
    secret: secretFingerprint(webhook.secret),
  };
}

/** Audits a webhook change (webhook.created | webhook.deleted | webhook.test_sent) without its secret. */
export async function auditWebhook(
  db: Queryable,
  actor: AgentPrincipal,
  action: 'webhook.created' | 'webhook.deleted' | 'webhook.test_sent',
  webhook: Pick<WebhookRow, 'id' | 'url' | 'events' | 'secret'>,
  at: string,
) {
  const view = describe(webhook);
  await recordAgentAudit(db, actor, {
    action,
    targetType: 'webhook',
    targetId: webhook.id,
    at,
    before: action === 'webhook.deleted' ? view : null,
    after: action === 'webhook.deleted' ? null : view,
  });
}
