import { formatFen } from '@golddesk/contracts/money';
import { h } from '../shared/dom.js';
import type { ProductView } from '@golddesk/contracts';
import { priceRange, productImage } from './product-image.js';

type Sku = ProductView['skus'][number];

/** Property names in the order they first appear, e.g. ["颜色", "尺码"], each with its values. */
function skuOptions(skus: Sku[]): Array<[string, string[]]> {
  const options = new Map<string, string[]>();
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.props)) {
      const values = options.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      options.set(name, values);
    }
  }
  const sizes = options.get('尺码');
  if (sizes) sizes.sort((a, b) => sizeRank(a) - sizeRank(b));
  return [...options];
}

const SIZE_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '2XL', '3XL', '4XL'];

/** Clothing sizes small to large; unknown labels keep their order at the end. */
function sizeRank(size: string): number {
  const rank = SIZE_ORDER.indexOf(size.toUpperCase());
  return rank < 0 ? SIZE_ORDER.length : rank;
}

function matches(sku: Sku, chosen: Record<string, string>): boolean {
  return Object.entries(chosen).every(([name, value]) => sku.props[name] === value);
}

function range(pair: [number, number] | undefined): string {
  return pair ? `${pair[0]} - ${pair[1]}` : '—';
}

/** Product detail: SKU chips (颜色/尺码), stock, size chart, listing notes and a 联系客服 button. */
export function productDetail(
  product: ProductView,
  actions: { onBack: () => void; onContact: () => void; onToast: (t: string) => void },
): HTMLElement {
  const options = skuOptions(product.skus);
  const chosen: Record<string, string> = {};
  const price = h('div', { class: 'shop-detail-price', text: priceRange(product) });
  const stock = h('div', { class: 'shop-detail-stock' });
  const optionRows = h('div', { class: 'shop-options' });

  const refresh = () => {
    const candidates = product.skus.filter((s) => matches(s, chosen));
    const exact = candidates.length === 1 && Object.keys(chosen).length === options.length ? candidates[0] : null;
    price.textContent = exact ? formatFen(exact.priceFen) : priceRange(product);
    const total = candidates.reduce((n, s) => n + s.stock, 0);
    stock.textContent = exact ? (exact.stock > 0 ? `库存 ${exact.stock} 件` : '该规格已售罄') : `库存 ${total} 件`;
    optionRows.replaceChildren(
      ...options.map(([name, values]) =>
        h('div', { class: 'shop-option' }, [
          h('span', { class: 'shop-option-name', text: name }),
          h(
            'div',
            { class: 'shop-option-values' },
            values.map((value) => {
              const others = { ...chosen, [name]: value };
              const available = product.skus.some((s) => matches(s, others) && s.stock > 0);
              return h('button', {
                class: `shop-chip${chosen[name] === value ? ' shop-chip--active' : ''}`,
                text: value,
                testid: 'sku-chip',
                attrs: { type: 'button', disabled: !available, 'data-prop': name, title: available ? '' : '缺货' },
                on: {
                  click: () => {
                    if (chosen[name] === value) delete chosen[name];
                    else chosen[name] = value;
                    refresh();
                  },
                },
              });
            }),
          ),
        ]),
      ),
    );
  };
  refresh();

  const needChoice = () => {
    const missing = options.map(([name]) => name).filter((name) => !chosen[name]);
    if (missing.length) actions.onToast(`请选择 ${missing.join('、')}`);
    else actions.onToast('演示店铺暂不支持下单，有问题可以点「联系客服」哦');
  };

  const sizeChart = product.sizeChart?.length
    ? h('section', { class: 'shop-section' }, [
        h('h3', { text: '尺码参考' }),
        h('table', { class: 'shop-size-table', testid: 'size-chart' }, [
          h('thead', {}, [
            h('tr', {}, [h('th', { text: '尺码' }), h('th', { text: '身高 (cm)' }), h('th', { text: '体重 (kg)' })]),
          ]),
          h(
            'tbody',
            {},
            product.sizeChart.map((row) =>
              h('tr', {}, [
                h('td', { text: row.size }),
                h('td', { text: range(row.heightCm) }),
                h('td', { text: range(row.weightKg) }),
              ]),
            ),
          ),
        ]),
        h('p', { class: 'shop-hint', text: '尺码仅供参考，拿不准可以把身高体重发给客服帮您推荐~' }),
      ])
    : null;

  return h('article', { class: 'shop-detail', testid: 'product-detail', attrs: { 'data-product-id': product.id } }, [
    h('button', {
      class: 'shop-back',
      text: '‹ 返回全部商品',
      attrs: { type: 'button' },
      on: { click: actions.onBack },
    }),
    h('div', { class: 'shop-detail-main' }, [
      productImage(product, 'shop-detail-img'),
      h('div', { class: 'shop-detail-info' }, [
        h('h2', { class: 'shop-detail-title', text: product.title }),
        h('div', { class: 'shop-detail-price-box' }, [h('span', { class: 'shop-label', text: '价格' }), price]),
        h('div', { class: 'shop-promo', text: '店铺活动：满 199 减 20 · 48 小时内发货 · 7 天无理由退换' }),
        optionRows,
        stock,
        h('div', { class: 'shop-actions' }, [
          h('button', {
            class: 'shop-btn shop-btn--cart',
            text: '加入购物车',
            attrs: { type: 'button' },
            on: { click: needChoice },
          }),
          h('button', {
            class: 'shop-btn shop-btn--buy',
            text: '立即购买',
            attrs: { type: 'button' },
            on: { click: needChoice },
          }),
          h('button', {
            class: 'shop-btn shop-btn--ghost',
            text: '联系客服',
            testid: 'contact-service',
            attrs: { type: 'button' },
            on: { click: actions.onContact },
          }),
        ]),
      ]),
    ]),
    product.listingNotes
      ? h('section', { class: 'shop-section shop-notes' }, [
          h('h3', { text: '温馨提示' }),
          h('p', { text: product.listingNotes }),
        ])
      : null,
    sizeChart,
    product.description
      ? h('section', { class: 'shop-section' }, [
          h('h3', { text: '商品详情' }),
          h('p', { class: 'shop-description', text: product.description }),
        ])
      : null,
  ]);
}
