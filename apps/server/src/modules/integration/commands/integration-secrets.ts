import type { IntegrationSettings } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { SIGNATURE_HEADER } from '../../../platform/security/hmac-signature.js';
import { recordAgentAudit, secretFingerprint } from '../../audit/index.js';
import { findShopById } from '../../shops/index.js';
import { ensureIntegrationSecrets, rotateIntegrationSecrets } from '../integration.repository.js';

type Secrets = Awaited<ReturnType<typeof ensureIntegrationSecrets>>;

/** The secrets as the audit log keeps them: fingerprints only. */
const fingerprints = (secrets: Secrets) => ({
  inboundSecret: secretFingerprint(secrets.inbound_secret),
  identitySecret: secretFingerprint(secrets.identity_secret),
});

/** The endpoint and both secrets (owner, manager); each view is audited (integration_secrets.viewed). */
export async function viewIntegrationSettings(ctx: CommandContext<AgentPrincipal>): Promise<IntegrationSettings> {
  const { app, actor } = ctx;
  requireCapability(actor, 'integration.view');
  const now = app.now().toISOString();
  return app.storage.db.transaction().execute(async (trx) => {
    const [shop, secrets] = [await findShopById(trx, actor.shopId), await ensureIntegrationSecrets(trx, actor.shopId, now)];
    await recordAgentAudit(trx, actor, {
      action: 'integration_secrets.viewed',
      targetType: 'shop',
      targetId: actor.shopId,
      after: fingerprints(secrets),
      at: now,
    });
    return {
      eventsUrl: `/api/v1/integrations/${shop!.slug}/events`,
      inboundSecret: secrets.inbound_secret,
      identitySecret: secrets.identity_secret,
      signatureHeader: SIGNATURE_HEADER,
    };
  });
}

/** New secrets (owner); the old ones stop working at once. Audited as integration_secrets.rotated, fingerprints before → after. */
export async function rotateIntegrationSettings(ctx: CommandContext<AgentPrincipal>): Promise<IntegrationSettings> {
  const { app, actor } = ctx;
  requireCapability(actor, 'integration.rotate_secrets');
  const now = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await ensureIntegrationSecrets(trx, actor.shopId, now);
    await rotateIntegrationSecrets(trx, actor.shopId, now);
    const after = await ensureIntegrationSecrets(trx, actor.shopId, now);
    await recordAgentAudit(trx, actor, {
      action: 'integration_secrets.rotated',
      targetType: 'shop',
      targetId: actor.shopId,
      before: fingerprints(before),
      after: fingerprints(after),
      at: now,
    });
  });
  // The answer shows the new secrets: that is a view too.
  return viewIntegrationSettings(ctx);
}
