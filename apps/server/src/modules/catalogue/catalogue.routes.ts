import {
  ListProductsQuery,
  ListProductsResponse,
  PUBLIC_PRODUCTS_PAGE,
  PUBLIC_PRODUCTS_PAGE_MAX,
  ServiceStatus,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { requireRateBudgets } from '../../platform/security/rate-limit.js';
import { addressKey } from '../../platform/security/client-address.js';
import { registerCatalogueAdminRoutes } from './catalogue-admin.routes.js';
import { findShopBySlug } from '../shops/index.js';
import { serviceStatusOf } from '../shop-hours/index.js';
import { presentProduct } from './product.presenter.js';
import { listProductsPage, type ProductPosition } from './product.repository.js';

const ShopParams = z.object({ slug: z.string().max(64) });

/** The opaque `nextCursor` of a page: where the next one starts. */
function encodeCursor(position: ProductPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): ProductPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // reported below
  }
  throw new AppError('invalid_input', { detail: 'cursor' });
}

export function registerCatalogueRoutes(app: HttpServer, ctx: AppContext) {
  registerCatalogueAdminRoutes(app, ctx);

  app.get(
    '/api/v1/shops/:slug',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Public shop information',
        tags: ['public'],
        params: ShopParams,
        description:
          "`service` is what the widget's header says: 在线 when open and an agent is online, else 休息中 / 暂无客服在线 " +
          'with the next opening; widgets also hear `shop.status_changed` on the stream.',
        response: { 200: z.object({ shop: z.object({ slug: z.string(), name: z.string() }), service: ServiceStatus }) },
      },
    },
    async (request) => {
      const shop = await findShopBySlug(ctx.storage.db, request.params.slug);
      if (!shop) throw new AppError('not_found', { thing: 'shop' });
      await limitPublicReads(ctx, shop.id, request.ip);
      return { shop: { slug: shop.slug, name: shop.name }, service: await serviceStatusOf(ctx, shop.id) };
    },
  );

  app.get(
    '/api/v1/shops/:slug/products',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Public catalogue of a shop (products on sale), a page at a time',
        tags: ['public'],
        params: ShopParams,
        querystring: ListProductsQuery,
        response: { 200: ListProductsResponse },
      },
    },
    async (request) => {
      const shop = await findShopBySlug(ctx.storage.db, request.params.slug);
      if (!shop) throw new AppError('not_found', { thing: 'shop' });
      await limitPublicReads(ctx, shop.id, request.ip);
      const { cursor, limit = PUBLIC_PRODUCTS_PAGE } = request.query;
      const page = await listProductsPage(ctx.storage.db, shop.id, {
        limit: Math.min(limit, PUBLIC_PRODUCTS_PAGE_MAX),
        after: cursor ? decodeCursor(cursor) : undefined,
      });
      const last = page.products.at(-1)?.product;
      return {
        products: page.products.map(presentProduct),
        nextCursor: page.hasMore && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );
}

/** Anyone may read a shop's public pages, so each network address gets a budget per shop. */
async function limitPublicReads(ctx: AppContext, shopId: string, address: string) {
  await requireRateBudgets(
    ctx,
    [{ key: `public:${shopId}:${addressKey(address)}`, limit: ctx.config.publicReadsPerMinute, windowSeconds: 60 }],
    'rate_limited',
  );
}
