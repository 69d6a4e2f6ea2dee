import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { ProductView, SizeChartRow } from './shop.js';

/**
 * Catalogue admin (商品管理) for agents: products with SKUs, attributes, size charts, related products
 * and bundles (搭配套餐), plus related-needs suggestions (连带需求) for a buyer.
 * Owners and managers edit; every agent reads.
 */

export const MAX_SKUS = 200;
export const MAX_ATTRIBUTES = 30;
export const MAX_SIZE_ROWS = 20;
export const MAX_RELATED = 20;
export const MAX_BUNDLE_ITEMS = 10;

const Price = Fen.min(0).max(100_000_000).describe('fen; at most ¥1,000,000');
const Stock = z.number().int().min(0).max(10_000_000);

/** One product attribute, e.g. {"name":"材质","value":"100% 棉"}; shown in the given order. */
export const ProductAttribute = z.object({ name: z.string().trim().min(1).max(20), value: z.string().trim().min(1).max(200) });
export type ProductAttribute = z.infer<typeof ProductAttribute>;

/** SKU props, e.g. {"颜色":"黑色","尺码":"M"}: up to 5 dimensions. */
export const SkuProps = z
  .record(z.string().trim().min(1).max(20), z.string().trim().min(1).max(40))
  .refine((props) => Object.keys(props).length <= 5, 'at most 5 SKU dimensions');

export const SkuInput = z.object({ props: SkuProps, priceFen: Price, stock: Stock });
export type SkuInput = z.infer<typeof SkuInput>;
export const SkuPatch = SkuInput.partial();

/** A size chart row as the shop page shows it: height range in cm, weight range in kg (each [min, max]). */
export const SizeChartInputRow = z
  .object({
    size: z.string().trim().min(1).max(16),
    heightCm: z.tuple([z.number().min(30).max(250), z.number().min(30).max(250)]).optional(),
    weightKg: z.tuple([z.number().min(2).max(300), z.number().min(2).max(300)]).optional(),
  })
  .refine(
    (row) => (!row.heightCm || row.heightCm[0] <= row.heightCm[1]) && (!row.weightKg || row.weightKg[0] <= row.weightKg[1]),
    'each range is [min, max] with min ≤ max',
  );

const ProductFields = {
  title: z.string().trim().min(1).max(120),
  category: z.string().trim().min(1).max(40),
  priceFen: Price,
  imageUrl: z.string().trim().max(500).url().nullable(),
  description: z.string().max(5000),
  listingNotes: z
    .string()
    .max(1000)
    .nullable()
    .describe('e.g. 浅色可能轻微褪色; agents quote it before a return window argument'),
  attributes: z.array(ProductAttribute).max(MAX_ATTRIBUTES),
  sizeChart: z.array(SizeChartInputRow).max(MAX_SIZE_ROWS).nullable(),
  weightG: z.number().int().min(1).max(100_000).nullable().describe('shipping weight in grams, for the courier cost'),
};

export const CreateProductRequest = z.object({
  ...ProductFields,
  imageUrl: ProductFields.imageUrl.optional(),
  description: ProductFields.description.default(''),
  listingNotes: ProductFields.listingNotes.optional(),
  attributes: ProductFields.attributes.default([]),
  sizeChart: ProductFields.sizeChart.optional(),
  weightG: ProductFields.weightG.optional(),
  skus: z.array(SkuInput).max(MAX_SKUS).default([]),
});
export type CreateProductRequest = z.input<typeof CreateProductRequest>;

/** Only the fields sent change. */
export const UpdateProductRequest = z.object(ProductFields).partial();
export type UpdateProductRequest = z.infer<typeof UpdateProductRequest>;

/** A product as the admin page sees it: the public view plus attributes and archive state. */
export const CatalogueProduct = ProductView.extend({
  attributes: z.array(ProductAttribute),
  archivedAt: IsoDateTime.nullable(),
  stockTotal: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime.nullable(),
});
export type CatalogueProduct = z.infer<typeof CatalogueProduct>;

/** A product in a short list (related products, bundle items, suggestions). */
export const ProductBrief = z.object({
  id: Id,
  title: z.string(),
  priceFen: Fen,
  imageUrl: z.string().nullable(),
  stockTotal: z.number().int(),
  archived: z.boolean(),
});
export type ProductBrief = z.infer<typeof ProductBrief>;

export const BundleView = z.object({
  id: Id,
  title: z.string(),
  priceFen: Fen,
  /** What the items cost bought one by one. */
  itemsTotalFen: Fen,
  items: z.array(z.object({ product: ProductBrief, quantity: z.number().int() })),
  createdAt: IsoDateTime,
});
export type BundleView = z.infer<typeof BundleView>;

export const RelatedProduct = ProductBrief.extend({
  direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this product links to it; incoming: it links to this product'),
});
export type RelatedProduct = z.infer<typeof RelatedProduct>;

export const CatalogueProductDetail = CatalogueProduct.extend({
  related: z.array(RelatedProduct),
  bundles: z.array(BundleView).describe('bundles that contain this product'),
});
export type CatalogueProductDetail = z.infer<typeof CatalogueProductDetail>;

export const ListCatalogueQuery = z.object({
  q: z.string().trim().max(100).optional().describe('part of the title'),
  category: z.string().trim().max(40).optional(),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
});
export const ListCatalogueResponse = z.object({
  products: z.array(CatalogueProduct),
  total: z.number().int(),
  categories: z.array(z.string()).describe('every category in the shop, for the filter'),
});
export type ListCatalogueResponse = z.infer<typeof ListCatalogueResponse>;

export const CatalogueProductResponse = z.object({ product: CatalogueProductDetail });
export type CatalogueProductResponse = z.infer<typeof CatalogueProductResponse>;

export const SetRelatedRequest = z.object({
  productIds: z.array(Id).max(MAX_RELATED).describe('outgoing links in display order; replaces the list'),
});

export const BundleItemInput = z.object({ productId: Id, quantity: z.number().int().min(1).max(99) });
export const BundleRequest = z.object({
  title: z.string().trim().min(1).max(60),
  priceFen: Price,
  items: z.array(BundleItemInput).min(2).max(MAX_BUNDLE_ITEMS),
});
export type BundleRequest = z.infer<typeof BundleRequest>;
export const BundleResponse = z.object({ bundle: BundleView });
export const ListBundlesResponse = z.object({ bundles: z.array(BundleView) });

export const SizeAdviceQuery = z.object({
  height: z.coerce.number().min(50).max(250).describe('cm'),
  weight: z.coerce.number().min(10).max(300).describe('kg'),
});
export const SizeAdviceResponse = z.object({
  /** The size to take (always one the product is sold in), or null when none fits. */
  size: z.string().nullable(),
  /**
   * exact: height and weight agree; between: they point at two sizes (the larger is advised); none: out of the chart,
   * or out of the sizes the product is sold in (the message then asks for the waist and the usual size).
   */
  fit: z.enum(['exact', 'between', 'none']),
  message: z.string(),
});
export type SizeAdviceResponse = z.infer<typeof SizeAdviceResponse>;
export type SizeChart = z.infer<typeof SizeChartRow>[];

/** Why a product is suggested to a buyer (连带需求). */
export const SuggestionReason = z.enum(['viewed_not_bought', 'related', 'bundle']);
export const Suggestion = z.object({
  product: ProductBrief,
  reason: SuggestionReason,
  /** In the request's language, e.g. 浏览过未购买 / 与「氨基酸洁面乳」搭配. */
  reasonText: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const SuggestionsResponse = z.object({ suggestions: z.array(Suggestion) });
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;
