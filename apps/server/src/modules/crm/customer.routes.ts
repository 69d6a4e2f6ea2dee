import {
  CustomerProfile,
  PAID_ORDER_STATUSES,
  phoneForViewer,
  RecordFootprintRequest,
  SuggestionsResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { listBuyerCaseSummaries, presentCaseSummary } from '../cases/index.js';
import { agentOf, buyerOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { orderForViewer, presentOrder } from '../orders/index.js';
import { listBuyerOrders } from '../orders/index.js';
import { loadCustomerCrm } from './queries/load-crm.js';
import { isVouched } from './buyer-identity.js';
import { findBuyer } from './buyer.repository.js';
import { recordFootprint } from './commands/record-footprint.js';
import { suggestProducts } from './queries/suggest-products.js';
import { listFootprints } from './footprint.repository.js';

const FOOTPRINTS_SHOWN = 20;
const SUGGESTIONS_SHOWN = 10;

const PAID_STATUSES: ReadonlySet<string> = new Set(PAID_ORDER_STATUSES);

export function registerCustomerRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/customers/:buyerId',
    {
      schema: {
        summary: 'Customer profile with orders (right pane)',
        tags: ['agents'],
        params: z.object({ buyerId: z.string().max(64) }),
        response: { 200: CustomerProfile },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const buyer = await findBuyer(ctx.storage.db, agent.shopId, request.params.buyerId);
      if (!buyer) throw new AppError('not_found', { thing: 'buyer' });
      const orders = (await listBuyerOrders(ctx.storage.db, agent.shopId, buyer.id)).map((order) =>
        orderForViewer(presentOrder(order), agent),
      );
      const paid = orders.filter((o) => PAID_STATUSES.has(o.status));
      return {
        buyer: {
          id: buyer.id,
          nick: buyer.nick,
          phone: phoneForViewer(buyer.phone, agent),
          province: buyer.province,
          city: buyer.city,
          vipLevel: Number(buyer.vip_level),
          createdAt: buyer.created_at,
          lastSeenAt: buyer.last_seen_at,
          externalId: buyer.external_id ?? null,
          verified: isVouched(buyer),
        },
        stats: {
          orderCount: orders.length,
          paidOrderCount: paid.length,
          totalSpentFen: paid.reduce((sum, o) => sum + o.totalFen, 0),
        },
        orders,
        footprints: await listFootprints(ctx.storage.db, agent.shopId, buyer.id, FOOTPRINTS_SHOWN),
        crm: await loadCustomerCrm(ctx.storage.db, agent.shopId, buyer.id, agent),
        cases: (await listBuyerCaseSummaries(ctx.storage.db, agent.shopId, buyer.id)).map((row) =>
          presentCaseSummary(row, ctx.now()),
        ),
      };
    },
  );

  app.post(
    '/api/v1/widget/footprints',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: 'The buyer views a product (浏览足迹); agents see it live',
        tags: ['widget'],
        body: RecordFootprintRequest,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await recordFootprint({ app: ctx, actor: buyerOf(request) }, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/customers/:buyerId/suggestions',
    {
      schema: {
        summary: 'Related needs (连带需求): products to suggest to the buyer, best first, each with a reason',
        tags: ['catalogue'],
        params: z.object({ buyerId: z.string().max(64) }),
        response: { 200: SuggestionsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const buyer = await findBuyer(ctx.storage.db, agent.shopId, request.params.buyerId);
      if (!buyer) throw new AppError('not_found', { thing: 'buyer' });
      const language = languageOf(request.headers['accept-language']);
      return { suggestions: await suggestProducts(ctx.storage.db, agent.shopId, buyer.id, language, SUGGESTIONS_SHOWN) };
    },
  );
}
