import {
  BundleRequest,
  BundleResponse,
  CatalogueProductResponse,
  CreateProductRequest,
  ListBundlesResponse,
  ListCatalogueQuery,
  ListCatalogueResponse,
  SetRelatedRequest,
  SizeAdviceQuery,
  SizeAdviceResponse,
  SkuInput,
  SkuPatch,
  UpdateProductRequest,
  type SizeChart,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { setProductArchived } from './commands/archive-product.js';
import { addSku, removeSku, updateSku } from './commands/change-skus.js';
import { createProduct } from './commands/create-product.js';
import { createBundle, deleteBundle, updateBundle } from './commands/save-bundle.js';
import { setRelatedProducts } from './commands/set-related-products.js';
import { updateProduct } from './commands/update-product.js';
import { presentBundle, presentCatalogueProduct } from './product.presenter.js';
import { findBundle, findProduct, listBundles, listCategories, listProductBriefs, searchProducts } from './product.repository.js';
import { loadProductDetail } from './queries/product-detail.js';
import { adviseSize, soldSizesOf } from './size-advice.js';

const IdParams = z.object({ id: z.string().max(64) });
const SkuParams = z.object({ id: z.string().max(64), skuId: z.string().max(64) });
const EDIT = '(owner, manager)';

/** Catalogue admin for agents: every agent reads, owners and managers edit (the catalogue.edit capability). */
export function registerCatalogueAdminRoutes(app: HttpServer, ctx: AppContext) {
  const db = ctx.storage.db;
  const detail = async (shopId: string, id: string) => {
    const product = await loadProductDetail(db, shopId, id);
    if (!product) throw new AppError('not_found', { thing: 'product' });
    return { product };
  };
  const bundleView = async (shopId: string, id: string) => {
    const found = await findBundle(db, shopId, id);
    if (!found) throw new AppError('not_found', { thing: 'bundle' });
    return {
      bundle: presentBundle(
        found,
        await listProductBriefs(
          db,
          shopId,
          found.items.map((i) => i.product_id),
        ),
      ),
    };
  };

  app.get(
    '/api/v1/products',
    {
      schema: {
        summary: "The shop's products with SKUs: search by title, filter by category, paged (newest first)",
        tags: ['catalogue'],
        querystring: ListCatalogueQuery,
        response: { 200: ListCatalogueResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { products, total } = await searchProducts(db, agent.shopId, request.query);
      return { products: products.map(presentCatalogueProduct), total, categories: await listCategories(db, agent.shopId) };
    },
  );

  app.get(
    '/api/v1/products/:id',
    {
      schema: {
        summary: 'One product with related products and bundles',
        tags: ['catalogue'],
        params: IdParams,
        response: { 200: CatalogueProductResponse },
      },
    },
    async (request) => detail(agentOf(request).shopId, request.params.id),
  );

  app.post(
    '/api/v1/products',
    {
      schema: {
        summary: `Create a product with SKUs ${EDIT}`,
        tags: ['catalogue'],
        body: CreateProductRequest,
        response: { 201: CatalogueProductResponse },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const created = await createProduct({ app: ctx, actor: agent }, request.body);
      return reply.status(201).send(await detail(agent.shopId, created.id));
    },
  );

  app.patch(
    '/api/v1/products/:id',
    {
      schema: {
        summary: `Change title, category, price (SKUs priced like the product follow), notes, attributes, size chart ${EDIT}`,
        tags: ['catalogue'],
        params: IdParams,
        body: UpdateProductRequest,
        response: { 200: CatalogueProductResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await updateProduct({ app: ctx, actor: agent }, request.params.id, request.body);
      return detail(agent.shopId, request.params.id);
    },
  );

  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/v1/products/:id/${path}`,
      {
        schema: {
          summary: archived
            ? `Archive (下架): hidden from the shop page, cards and suggestions ${EDIT}`
            : `Put an archived product back on sale ${EDIT}`,
          tags: ['catalogue'],
          params: IdParams,
          response: { 200: CatalogueProductResponse },
        },
      },
      async (request) => {
        const agent = agentOf(request);
        await setProductArchived({ app: ctx, actor: agent }, request.params.id, archived);
        return detail(agent.shopId, request.params.id);
      },
    );
  }

  app.post(
    '/api/v1/products/:id/skus',
    {
      schema: {
        summary: `Add a SKU (props unique per product) ${EDIT}`,
        tags: ['catalogue'],
        params: IdParams,
        body: SkuInput,
        response: { 200: CatalogueProductResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await addSku({ app: ctx, actor: agent }, request.params.id, request.body);
      return detail(agent.shopId, request.params.id);
    },
  );

  app.patch(
    '/api/v1/products/:id/skus/:skuId',
    {
      schema: {
        summary: `Change a SKU's props, price or stock ${EDIT}`,
        tags: ['catalogue'],
        params: SkuParams,
        body: SkuPatch,
        response: { 200: CatalogueProductResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await updateSku({ app: ctx, actor: agent }, request.params.id, request.params.skuId, request.body);
      return detail(agent.shopId, request.params.id);
    },
  );

  app.delete(
    '/api/v1/products/:id/skus/:skuId',
    {
      schema: {
        summary: `Remove a SKU (orders keep their lines) ${EDIT}`,
        tags: ['catalogue'],
        params: SkuParams,
        response: { 200: CatalogueProductResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await removeSku({ app: ctx, actor: agent }, request.params.id, request.params.skuId);
      return detail(agent.shopId, request.params.id);
    },
  );

  app.put(
    '/api/v1/products/:id/related',
    {
      schema: {
        summary: `Replace the related products (关联商品), in order; shown from both ends ${EDIT}`,
        tags: ['catalogue'],
        params: IdParams,
        body: SetRelatedRequest,
        response: { 200: CatalogueProductResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await setRelatedProducts({ app: ctx, actor: agent }, request.params.id, request.body.productIds);
      return detail(agent.shopId, request.params.id);
    },
  );

  app.get(
    '/api/v1/products/:id/size-advice',
    {
      schema: {
        summary:
          'Which size fits a height (cm) and weight (kg), counting only the chart rows of sizes the product is sold in (its SKUs)',
        tags: ['catalogue'],
        params: IdParams,
        querystring: SizeAdviceQuery,
        response: { 200: SizeAdviceResponse },
      },
    },
    async (request) => {
      const found = await findProduct(db, agentOf(request).shopId, request.params.id);
      if (!found) throw new AppError('not_found', { thing: 'product' });
      const chart = found.product.size_chart ? (JSON.parse(found.product.size_chart) as SizeChart) : [];
      if (chart.length === 0) throw new AppError('size_chart_missing');
      const sold = soldSizesOf(found.skus.map((sku) => ({ props: JSON.parse(sku.props) as Record<string, string> })));
      return adviseSize(chart, request.query.height, request.query.weight, languageOf(request.headers['accept-language']), sold);
    },
  );

  app.get(
    '/api/v1/bundles',
    {
      schema: { summary: 'Bundles (搭配套餐), newest first', tags: ['catalogue'], response: { 200: ListBundlesResponse } },
    },
    async (request) => {
      const shopId = agentOf(request).shopId;
      const bundles = await listBundles(db, shopId);
      const briefs = await listProductBriefs(
        db,
        shopId,
        bundles.flatMap((b) => b.items.map((i) => i.product_id)),
      );
      return { bundles: bundles.map((b) => presentBundle(b, briefs)) };
    },
  );

  app.post(
    '/api/v1/bundles',
    {
      schema: {
        summary: `Create a bundle: 2–10 products, cheaper than their sum ${EDIT}`,
        tags: ['catalogue'],
        body: BundleRequest,
        response: { 201: BundleResponse },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const id = await createBundle({ app: ctx, actor: agent }, request.body);
      return reply.status(201).send(await bundleView(agent.shopId, id));
    },
  );

  app.put(
    '/api/v1/bundles/:id',
    {
      schema: {
        summary: `Replace a bundle's title, price and items ${EDIT}`,
        tags: ['catalogue'],
        params: IdParams,
        body: BundleRequest,
        response: { 200: BundleResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await updateBundle({ app: ctx, actor: agent }, request.params.id, request.body);
      return bundleView(agent.shopId, request.params.id);
    },
  );

  app.delete(
    '/api/v1/bundles/:id',
    {
      schema: { summary: `Delete a bundle ${EDIT}`, tags: ['catalogue'], params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteBundle({ app: ctx, actor: agentOf(request) }, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
