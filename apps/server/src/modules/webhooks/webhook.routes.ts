import { randomBytes } from 'node:crypto';
import {
  CreateWebhookRequest,
  ListDeliveriesResponse,
  ListWebhooksResponse,
  WebhookResponse,
  WebhookTestResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { newId } from '../../platform/ids.js';
import { checkOutboundHost, OutboundAddressError } from '../../platform/security/outbound-address.js';
import { auditWebhook } from './webhook-audit.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';
import { presentDelivery, presentWebhook } from './webhook.presenter.js';
import { deleteWebhook, findWebhook, insertWebhook, listDeliveries, listWebhooks } from './webhook.repository.js';

const Params = z.object({ id: z.string().max(64) });

/** Outgoing webhooks are the shop's integration settings: owners and managers only. */
export function registerWebhookRoutes(app: HttpServer, ctx: AppContext, dispatcher: WebhookDispatcher) {
  const manager = (request: Parameters<typeof agentOf>[0]) => {
    const agent = agentOf(request);
    requireCapability(agent, 'webhooks.manage');
    return agent;
  };

  app.get(
    '/api/v1/webhooks',
    {
      schema: { summary: 'Outgoing webhooks', tags: ['integration'], response: { 200: ListWebhooksResponse } },
    },
    async (request) => ({ webhooks: (await listWebhooks(ctx.storage.db, manager(request).shopId)).map(presentWebhook) }),
  );

  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        summary: 'Subscribe a URL to GoldDesk events (signed deliveries, retried)',
        tags: ['integration'],
        body: CreateWebhookRequest,
        response: { 201: WebhookResponse },
      },
    },
    async (request, reply) => {
      const agent = manager(request);
      await refusePrivateTarget(ctx, request.body.url);
      const row = {
        id: newId(),
        shop_id: agent.shopId,
        url: request.body.url,
        secret: `whsec_${randomBytes(24).toString('base64url')}`,
        events: JSON.stringify([...new Set(request.body.events)]),
        active: 1,
        created_at: ctx.now().toISOString(),
      };
      await ctx.storage.db.transaction().execute(async (trx) => {
        await insertWebhook(trx, row);
        await auditWebhook(trx, agent, 'webhook.created', row, row.created_at);
      });
      dispatcher.invalidate(agent.shopId);
      return reply.status(201).send({ webhook: presentWebhook(row) });
    },
  );

  app.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        summary: 'Remove a webhook',
        tags: ['integration'],
        params: Params,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const agent = manager(request);
      const webhook = await findWebhook(ctx.storage.db, agent.shopId, request.params.id);
      if (!webhook) throw new AppError('not_found', { thing: 'webhook' });
      await ctx.storage.db.transaction().execute(async (trx) => {
        const result = await deleteWebhook(trx, agent.shopId, webhook.id);
        if (Number(result.numDeletedRows) === 0) throw new AppError('not_found', { thing: 'webhook' });
        await auditWebhook(trx, agent, 'webhook.deleted', webhook, ctx.now().toISOString());
      });
      dispatcher.invalidate(agent.shopId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      schema: {
        summary: 'Recent deliveries of a webhook with their outcome',
        tags: ['integration'],
        params: Params,
        response: { 200: ListDeliveriesResponse },
      },
    },
    async (request) => {
      const agent = manager(request);
      // Another shop's webhook id is unknown here, not an empty list.
      if (!(await findWebhook(ctx.storage.db, agent.shopId, request.params.id)))
        throw new AppError('not_found', { thing: 'webhook' });
      return { deliveries: (await listDeliveries(ctx.storage.db, agent.shopId, request.params.id, 100)).map(presentDelivery) };
    },
  );

  app.post(
    '/api/v1/webhooks/:id/test',
    {
      schema: {
        summary: 'Send a signed `ping` delivery to the webhook now (listed with its deliveries)',
        tags: ['integration'],
        params: Params,
        response: { 201: WebhookTestResponse },
      },
    },
    async (request, reply) => {
      const agent = manager(request);
      const webhook = await findWebhook(ctx.storage.db, agent.shopId, request.params.id);
      if (!webhook) throw new AppError('not_found', { thing: 'webhook' });
      await refusePrivateTarget(ctx, webhook.url);
      const delivery = await dispatcher.enqueuePing(webhook);
      await auditWebhook(ctx.storage.db, agent, 'webhook.test_sent', webhook, ctx.now().toISOString());
      return reply.status(201).send({ delivery: presentDelivery(delivery) });
    },
  );
}

/** A webhook URL whose host is (or resolves to) a loopback, private or link-local address is refused with 400. */
async function refusePrivateTarget(ctx: AppContext, url: string) {
  try {
    await checkOutboundHost(new URL(url).hostname, { allowPrivateNetwork: ctx.config.webhookAllowPrivateNetwork });
  } catch (error) {
    if (error instanceof OutboundAddressError)
      throw new AppError('webhook_url_private', { host: error.host, address: error.address });
    throw error;
  }
}
