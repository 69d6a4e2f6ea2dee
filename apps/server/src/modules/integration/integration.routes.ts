import { InboundEventResult, IntegrationSettings, ListInboundEventsResponse } from '@golddesk/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { SIGNATURE_HEADER } from '../../platform/security/hmac-signature.js';
import { rotateIntegrationSettings, viewIntegrationSettings } from './commands/integration-secrets.js';
import { receiveInboundEvent } from './commands/receive-inbound-event.js';
import { presentInboundEvent } from './integration.presenter.js';
import { listRecentInboundEvents } from './integration.repository.js';

/** How many received events the settings page shows. */
const RECENT_EVENTS = 50;

export function registerIntegrationRoutes(app: HttpServer, ctx: AppContext) {
  // The signature covers the exact bytes, so this route keeps the body as text (its own scope).
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/integrations/:shop/events',
      {
        config: { auth: 'public' },
        schema: {
          summary: "Signed event from the shop's system (products, orders, payments, shipments, tracking)",
          tags: ['integration'],
          security: [],
          params: z.object({ shop: z.string().max(64) }),
          headers: z.object({ [SIGNATURE_HEADER]: z.string().max(200).optional() }),
          response: { 200: InboundEventResult },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') throw new AppError('invalid_json');
        return receiveInboundEvent(ctx, {
          shopSlug: request.params.shop,
          rawBody: request.body,
          signatureHeader: request.headers[SIGNATURE_HEADER] as string | undefined,
          language: languageOf(request.headers['accept-language']),
        });
      },
    );
  });

  app.get(
    '/api/v1/integration',
    {
      schema: {
        summary: 'Integration endpoint and secrets (owner, manager)',
        tags: ['integration'],
        response: { 200: IntegrationSettings },
      },
    },
    async (request) => viewIntegrationSettings({ app: ctx, actor: agentOf(request) }),
  );
  app.post(
    '/api/v1/integration/rotate',
    {
      schema: {
        summary: 'New secrets; the old ones stop working at once (owner)',
        tags: ['integration'],
        response: { 200: IntegrationSettings },
      },
    },
    async (request) => rotateIntegrationSettings({ app: ctx, actor: agentOf(request) }),
  );

  app.get(
    '/api/v1/integration/events',
    {
      schema: {
        summary: "The latest 50 events received from the shop's system with their outcome (owner, manager)",
        tags: ['integration'],
        response: { 200: ListInboundEventsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'integration.view');
      const language = languageOf(request.headers['accept-language']);
      return {
        events: (await listRecentInboundEvents(ctx.storage.db, agent.shopId, RECENT_EVENTS)).map((row) =>
          presentInboundEvent(row, language),
        ),
      };
    },
  );
}
