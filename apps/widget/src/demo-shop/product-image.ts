import { h, safeUrl } from '../shared/dom.js';
import type { ProductView } from '@golddesk/contracts';
import { formatFen } from '@golddesk/contracts/money';

const CATEGORY_COLOURS: Record<string, [string, string]> = {
  美妆: ['#ffd6e7', '#c41d7f'],
  服饰: ['#d6e4ff', '#1d39c4'],
};

/** The product photo, or a coloured block naming the category when there is none. */
export function productImage(product: ProductView, className: string): HTMLElement {
  const src = safeUrl(product.imageUrl, location.href);
  if (src) return h('img', { class: className, attrs: { src, alt: product.title, loading: 'lazy' } });
  const [background, colour] = CATEGORY_COLOURS[product.category] ?? ['#f0f0f0', '#595959'];
  const block = h('div', { class: `${className} shop-placeholder` }, [
    h('span', { class: 'shop-placeholder-category', text: product.category }),
    h('span', { class: 'shop-placeholder-title', text: product.title.slice(0, 8) }),
  ]);
  block.style.background = background;
  block.style.color = colour;
  return block;
}

/** "¥89.00" or "¥89.00 - ¥129.00" when SKUs differ in price. */
export function priceRange(product: ProductView): string {
  const prices = product.skus.length ? product.skus.map((s) => s.priceFen) : [product.priceFen];
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? formatFen(low) : `${formatFen(low)} - ${formatFen(high)}`;
}
