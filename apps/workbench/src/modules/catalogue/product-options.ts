import type { CatalogueProduct } from '@golddesk/contracts';
import { useEffect, useState } from 'react';
import { listProducts } from './catalogue.api';

/** Products on sale, for pickers (related products, bundle items). */
export function useProductOptions(): CatalogueProduct[] {
  const [products, setProducts] = useState<CatalogueProduct[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listProducts({ page: 1, pageSize: 200 }, controller.signal)
      .then((answer) => setProducts(answer.products))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return products;
}

export const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);
export const toYuan = (fen: number) => fen / 100;

/** "颜色:黑色 尺码:M" ⇄ {"颜色":"黑色","尺码":"M"}; null when a part has no name or value. */
export function parseProps(text: string): Record<string, string> | null {
  const props: Record<string, string> = {};
  for (const part of text.trim().split(/\s+/).filter(Boolean)) {
    const [name, value, ...rest] = part.split(/[:：]/);
    if (!name || !value || rest.length) return null;
    props[name] = value;
  }
  return Object.keys(props).length ? props : null;
}

export function formatProps(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([name, value]) => `${name}:${value}`)
    .join(' ');
}
