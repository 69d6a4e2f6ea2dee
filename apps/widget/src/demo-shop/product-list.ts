import { h } from '../shared/dom.js';
import type { ProductView } from '@golddesk/contracts';
import { priceRange, productImage } from './product-image.js';

const ALL = '全部';

/** The product grid with a 全部 / 美妆 / 服饰 filter; each item is `data-testid="product-card"`. */
export function productList(products: ProductView[], category: string, onCategory: (c: string) => void): HTMLElement {
  const categories = [ALL, ...new Set(['美妆', '服饰', ...products.map((p) => p.category)])];
  const filtered = category === ALL ? products : products.filter((p) => p.category === category);
  const chips = h(
    'div',
    { class: 'shop-filter', attrs: { role: 'tablist' } },
    categories.map((c) =>
      h('button', {
        class: `shop-chip${c === category ? ' shop-chip--active' : ''}`,
        text: c,
        testid: 'category-filter',
        attrs: { type: 'button', role: 'tab', 'aria-selected': String(c === category), 'data-category': c },
        on: { click: () => onCategory(c) },
      }),
    ),
  );
  const grid = h(
    'div',
    { class: 'shop-grid' },
    filtered.map((product) =>
      h(
        'a',
        {
          class: 'shop-card',
          testid: 'product-card',
          attrs: {
            href: `#/product/${encodeURIComponent(product.id)}`,
            'data-product-id': product.id,
            'data-category': product.category,
          },
        },
        [
          productImage(product, 'shop-card-img'),
          h('div', { class: 'shop-card-body' }, [
            h('div', { class: 'shop-card-title', text: product.title }),
            h('div', { class: 'shop-card-meta' }, [
              h('span', { class: 'shop-price', text: priceRange(product) }),
              product.skus.length
                ? h('span', { class: 'shop-card-sold', text: `库存 ${product.skus.reduce((n, s) => n + s.stock, 0)}` })
                : null,
            ]),
          ]),
        ],
      ),
    ),
  );
  return h('section', { class: 'shop-list' }, [
    chips,
    filtered.length ? grid : h('p', { class: 'shop-empty', text: '这个分类暂时没有商品哦~' }),
  ]);
}

export { ALL as ALL_CATEGORIES };
