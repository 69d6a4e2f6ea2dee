import type { BundleView, CatalogueProduct, ProductAttribute, ProductBrief, ProductView } from '@golddesk/contracts';
import type { BriefRow, BundleItemRow, BundleRow, ProductRow, SkuRow } from './product.repository.js';

/** The shop page's (and chat's) view of a product. */
export function presentProduct({ product, skus }: { product: ProductRow; skus: SkuRow[] }): ProductView {
  return {
    id: product.id,
    title: product.title,
    category: product.category,
    priceFen: Number(product.price_fen),
    imageUrl: product.image_url,
    description: product.description,
    listingNotes: product.listing_notes,
    sizeChart: product.size_chart ? JSON.parse(product.size_chart) : null,
    weightG: product.weight_g === null || product.weight_g === undefined ? null : Number(product.weight_g),
    skus: skus.map((sku) => ({
      id: sku.id,
      props: JSON.parse(sku.props),
      priceFen: Number(sku.price_fen),
      stock: Number(sku.stock),
    })),
  };
}

/** The admin page's view: the public one plus attributes, stock and archive state. */
export function presentCatalogueProduct(row: { product: ProductRow; skus: SkuRow[] }): CatalogueProduct {
  const view = presentProduct(row);
  return {
    ...view,
    attributes: row.product.attributes ? (JSON.parse(row.product.attributes) as ProductAttribute[]) : [],
    archivedAt: row.product.archived_at ?? null,
    stockTotal: view.skus.reduce((sum, sku) => sum + sku.stock, 0),
    createdAt: row.product.created_at,
    updatedAt: row.product.updated_at ?? null,
  };
}

export function presentBrief(brief: BriefRow): ProductBrief {
  return {
    id: brief.id,
    title: brief.title,
    priceFen: brief.priceFen,
    imageUrl: brief.imageUrl,
    stockTotal: brief.stockTotal,
    archived: brief.archived,
  };
}

export function presentBundle(
  { bundle, items }: { bundle: BundleRow; items: BundleItemRow[] },
  briefs: Map<string, BriefRow>,
): BundleView {
  const shown = items
    .filter((item) => briefs.has(item.product_id))
    .map((item) => ({ product: presentBrief(briefs.get(item.product_id)!), quantity: Number(item.quantity) }));
  return {
    id: bundle.id,
    title: bundle.title,
    priceFen: Number(bundle.price_fen),
    itemsTotalFen: shown.reduce((sum, item) => sum + item.product.priceFen * item.quantity, 0),
    items: shown,
    createdAt: bundle.created_at,
  };
}
