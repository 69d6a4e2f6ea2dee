import { formatFen, type Suggestion } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import type { Language } from '../../../platform/http/errors.js';
import { listBundles, listProductBriefs, listRelations, presentBrief } from '../../catalogue/index.js';
import { listOrderedProductIds } from '../../orders/index.js';
import { listFootprints } from '../footprint.repository.js';

const FOOTPRINTS_READ = 50;

interface Candidate {
  productId: string;
  reason: Suggestion['reason'];
  score: number;
  text: (title: (id: string) => string) => string;
  /** Suggested as part of this bundle: only while the bundle still saves money. */
  bundle?: { priceFen: number; items: { productId: string; quantity: number }[] };
}

/**
 * Related needs (连带需求) of one buyer, best first: products viewed but not bought, then products
 * related to what they ordered or viewed, then the rest of bundles holding something they ordered.
 * Products the buyer already ordered, archived products and sold-out products are left out.
 */
export async function suggestProducts(
  db: Queryable,
  shopId: string,
  buyerId: string,
  language: Language,
  limit: number,
): Promise<Suggestion[]> {
  const zh = language === 'zh-CN';
  const ordered = await listOrderedProductIds(db, shopId, buyerId);
  const orderedSet = new Set(ordered);
  const viewed = (await listFootprints(db, shopId, buyerId, FOOTPRINTS_READ)).map((f) => ({ id: f.productId, views: f.views }));
  const anchors = [...ordered, ...viewed.map((v) => v.id).filter((id) => !orderedSet.has(id))];

  const candidates: Candidate[] = [];
  viewed.forEach((view, rank) => {
    if (orderedSet.has(view.id)) return;
    candidates.push({
      productId: view.id,
      reason: 'viewed_not_bought',
      score: 3000 - rank,
      text: () =>
        view.views > 1
          ? zh
            ? `浏览过 ${view.views} 次，未购买`
            : `Viewed ${view.views} times, not bought`
          : zh
            ? '浏览过未购买'
            : 'Viewed, not bought',
    });
  });

  const relations = await listRelations(db, shopId, anchors);
  anchors.forEach((anchor, rank) => {
    const base = orderedSet.has(anchor) ? 2000 : 1500;
    const links = relations.filter((r) => r.product_id === anchor || r.related_id === anchor);
    links.forEach((link, position) => {
      const other = link.product_id === anchor ? link.related_id : link.product_id;
      candidates.push({
        productId: other,
        reason: 'related',
        score: base - rank * 20 - position,
        text: (title) => (zh ? `与「${title(anchor)}」搭配` : `Goes with “${title(anchor)}”`),
      });
    });
  });

  const bundles = await listBundles(db, shopId, ordered);
  for (const { bundle, items } of bundles) {
    const anchor = items.find((i) => orderedSet.has(i.product_id))?.product_id;
    if (!anchor) continue;
    const content = {
      priceFen: Number(bundle.price_fen),
      items: items.map((i) => ({ productId: i.product_id, quantity: Number(i.quantity) })),
    };
    for (const item of items) {
      candidates.push({
        productId: item.product_id,
        reason: 'bundle',
        score: 1000 - Number(item.position),
        bundle: content,
        text: (title) =>
          zh
            ? `与「${title(anchor)}」同在套餐「${bundle.title}」（套餐价 ${formatFen(Number(bundle.price_fen))}）`
            : `In the bundle “${bundle.title}” with “${title(anchor)}” (${formatFen(Number(bundle.price_fen))})`,
      });
    }
  }

  const briefs = await listProductBriefs(db, shopId, [...anchors, ...candidates.map((c) => c.productId)]);
  const title = (id: string) => briefs.get(id)?.title ?? '';
  // An item got cheaper since the bundle was saved: a "bundle" that no longer saves anything is not offered.
  const stillCheaper = ({ priceFen, items }: NonNullable<Candidate['bundle']>) =>
    items.reduce((sum, item) => sum + (briefs.get(item.productId)?.priceFen ?? 0) * item.quantity, 0) > priceFen;
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const brief = briefs.get(candidate.productId);
    if (!brief || orderedSet.has(candidate.productId) || brief.archived) continue;
    if (brief.skuCount > 0 && brief.stockTotal <= 0) continue;
    if (candidate.bundle && !stillCheaper(candidate.bundle)) continue;
    const known = best.get(candidate.productId);
    if (!known || known.score < candidate.score) best.set(candidate.productId, candidate);
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((c) => ({
      product: presentBrief(briefs.get(c.productId)!),
      reason: c.reason,
      reasonText: c.text(title),
    }));
}
