import { ListProductsResponse } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { registerCatalogueAdminRoutes } from './catalogue-admin.routes.js';
import { findShopBySlug } from '../shops/shop.repository.js';
import { presentProduct } from './product.presenter.js';
import { listProductsWithSkus } from './product.repository.js';

const ShopParams = z.object({ slug: z.string().max(64) });

export function registerCatalogueRoutes(app: HttpServer, ctx: AppContext) {
  registerCatalogueAdminRoutes(app, ctx);

  app.get('/api/v1/shops/:slug', {
    config: { auth: 'public' },
    schema: {
      summary: 'Public shop information', tags: ['public'], params: ShopParams,
      response: { 200: z.object({ shop: z.object({ slug: z.string(), name: z.string() }) }) },
    },
  }, async (request) => {
    const shop = await findShopBySlug(ctx.storage.db, request.params.slug);
    if (!shop) throw new AppError('not_found', { thing: 'shop' });
    return { shop: { slug: shop.slug, name: shop.name } };
  });

  app.get('/api/v1/shops/:slug/products', {
    config: { auth: 'public' },
    schema: { summary: 'Public catalogue of a shop (products on sale)', tags: ['public'], params: ShopParams, response: { 200: ListProductsResponse } },
  }, async (request) => {
    const shop = await findShopBySlug(ctx.storage.db, request.params.slug);
    if (!shop) throw new AppError('not_found', { thing: 'shop' });
    return { products: (await listProductsWithSkus(ctx.storage.db, shop.id)).map(presentProduct) };
  });
}
