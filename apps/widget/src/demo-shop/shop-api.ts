import type { ListProductsResponse, ProductView } from '@golddesk/contracts';

/** Public shop data used by the demo page. */
export interface ShopData {
  name: string;
  products: ProductView[];
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

// The public catalogue comes in pages; a demo page shows the first few hundred products at most.
const PAGE_SIZE = 50;
const MAX_PAGES = 10;

/** Every product on sale, following `nextCursor` page by page (GET /api/v1/shops/:slug/products). */
async function loadProducts(slug: string): Promise<ProductView[]> {
  const products: ProductView[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const list: ListProductsResponse = await getJson<ListProductsResponse>(
      `/api/v1/shops/${slug}/products?limit=${PAGE_SIZE}${query}`,
    );
    products.push(...list.products);
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  return products;
}

/** Loads the shop name and its products (GET /api/v1/shops/:slug and …/products). */
export async function loadShop(slug: string): Promise<ShopData> {
  const [shop, products] = await Promise.all([
    getJson<{ shop: { slug: string; name: string } }>(`/api/v1/shops/${slug}`).catch(() => null),
    loadProducts(slug),
  ]);
  return { name: shop?.shop.name ?? '小美家 · 美妆服饰', products };
}
