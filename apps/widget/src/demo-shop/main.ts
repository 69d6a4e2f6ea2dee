import './demo-shop.css';
import { h } from '../shared/dom.js';
import type { ProductView } from '@golddesk/contracts';
import type { GoldDeskApi } from '../widget/main.js';
import { demoAccount } from './demo-account.js';
import { ALL_CATEGORIES, productList } from './product-list.js';
import { productDetail } from './product-detail.js';
import { loadShop } from './shop-api.js';

const SHOP = 'demo';

/** Calls the widget now, or as soon as golddesk-widget.js (loaded async) is ready. */
function withGoldDesk(callback: (api: GoldDeskApi) => void): void {
  if (window.GoldDesk) callback(window.GoldDesk);
  else (window.GoldDeskQueue ??= []).push(callback);
}

const app = document.getElementById('app')!;
const shopName = h('h1', { class: 'shop-name', text: '小美家 · 美妆服饰' });
const main = h('main', { class: 'shop-main' }, [h('p', { class: 'shop-empty', text: '商品加载中…' })]);
const toast = h('div', { class: 'shop-toast', attrs: { hidden: true, role: 'status' } });
let toastTimer: number | undefined;
let products: ProductView[] = [];
let category = ALL_CATEGORIES;

function showToast(text: string): void {
  toast.textContent = text;
  toast.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (toast.hidden = true), 2500);
}

app.append(
  h('header', { class: 'shop-header' }, [
    h('div', { class: 'shop-header-inner' }, [
      h('a', { class: 'shop-brand', attrs: { href: '#/' } }, [h('span', { class: 'shop-logo', text: '美' }), shopName]),
      h('div', { class: 'shop-search' }, [
        h('input', { attrs: { type: 'search', placeholder: '搜索店内宝贝', 'aria-label': '搜索店内宝贝' } }),
        h('button', {
          text: '搜索',
          attrs: { type: 'button' },
          on: { click: () => showToast('演示店铺暂不支持搜索') },
        }),
      ]),
      h('button', {
        class: 'shop-service',
        text: '联系客服',
        attrs: { type: 'button' },
        on: { click: () => withGoldDesk((gd) => gd.open()) },
      }),
      demoAccount({ shop: SHOP, withGoldDesk, onToast: showToast }),
    ]),
  ]),
  h('div', { class: 'shop-banner' }, [
    h('strong', { text: '双11 预热 · 全店满 199 减 20' }),
    h('span', { text: '新客关注店铺领 5 元无门槛券 · 下午 4 点前付款当天发货' }),
  ]),
  main,
  h('footer', {
    class: 'shop-footer',
    text: '本页面是 GoldDesk 金牌客服工作台的演示店铺，右下角「客服」即买家端挂件。',
  }),
  toast,
);

function render(): void {
  const match = /^#\/product\/(.+)$/.exec(location.hash);
  const product = match ? products.find((p) => p.id === decodeURIComponent(match[1]!)) : undefined;
  if (product) {
    main.replaceChildren(
      productDetail(product, {
        onBack: () => (location.hash = '#/'),
        onContact: () => withGoldDesk((gd) => gd.open()),
        onToast: showToast,
      }),
    );
    document.title = `${product.title} - ${shopName.textContent}`;
    window.scrollTo(0, 0);
    withGoldDesk((gd) =>
      gd.setViewingProduct({
        id: product.id,
        title: product.title,
        priceFen: product.priceFen,
        imageUrl: product.imageUrl,
      }),
    );
  } else {
    main.replaceChildren(
      productList(products, category, (c) => {
        category = c;
        render();
      }),
    );
    document.title = shopName.textContent ?? '';
    withGoldDesk((gd) => gd.setViewingProduct(null));
  }
}

window.addEventListener('hashchange', render);

loadShop(SHOP)
  .then((shop) => {
    shopName.textContent = shop.name;
    products = shop.products;
    render();
  })
  .catch(() => {
    main.replaceChildren(h('p', { class: 'shop-empty', text: '商品加载失败，请刷新页面重试' }));
  });
