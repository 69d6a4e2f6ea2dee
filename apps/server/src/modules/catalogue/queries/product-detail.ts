import type { CatalogueProductDetail } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { presentBrief, presentBundle, presentCatalogueProduct } from '../product.presenter.js';
import { findProduct, listBundles, listProductBriefs, listRelations } from '../product.repository.js';

/** One product for the edit drawer: with its related products (both directions) and the bundles holding it. */
export async function loadProductDetail(
  db: Queryable,
  shopId: string,
  productId: string,
): Promise<CatalogueProductDetail | undefined> {
  const found = await findProduct(db, shopId, productId);
  if (!found) return undefined;
  const relations = await listRelations(db, shopId, [productId]);
  const bundles = await listBundles(db, shopId, [productId]);
  const ids = [
    ...relations.flatMap((r) => [r.product_id, r.related_id]),
    ...bundles.flatMap((b) => b.items.map((i) => i.product_id)),
  ];
  const briefs = await listProductBriefs(db, shopId, ids);
  const outgoing = relations
    .filter((r) => r.product_id === productId)
    .map((r) => ({ id: r.related_id, direction: 'outgoing' as const }));
  const incoming = relations
    .filter((r) => r.related_id === productId && !outgoing.some((o) => o.id === r.product_id))
    .map((r) => ({ id: r.product_id, direction: 'incoming' as const }));
  return {
    ...presentCatalogueProduct(found),
    related: [...outgoing, ...incoming]
      .filter((r) => briefs.has(r.id))
      .map((r) => ({ ...presentBrief(briefs.get(r.id)!), direction: r.direction })),
    bundles: bundles.map((b) => presentBundle(b, briefs)),
  };
}
