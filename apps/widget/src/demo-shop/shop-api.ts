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

/** Loads the shop name and its products (GET /api/v1/shops/:slug and …/products). */
export async function loadShop(slug: string): Promise<ShopData> {
  const [shop, list] = await Promise.all([
    getJson<{ shop: { slug: string; name: string } }>(`/api/v1/shops/${slug}`).catch(() => null),
    getJson<ListProductsResponse>(`/api/v1/shops/${slug}/products`),
  ]);
  return { name: shop?.shop.name ?? '小美家 · 美妆服饰', products: list.products };
}
