import type { ProductView } from '@golddesk/contracts';
import type { ProductRow, SkuRow } from './product.repository.js';

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
    skus: skus.map((sku) => ({
      id: sku.id,
      props: JSON.parse(sku.props),
      priceFen: Number(sku.price_fen),
      stock: Number(sku.stock),
    })),
  };
}
