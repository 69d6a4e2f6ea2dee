import type { SheetRow } from './import-file.js';
import type { RowReason, StoredRowError } from './import-reasons.js';
import { parseFen, parseSkuProps, parseWholeNumber, skuKey } from './import-values.js';

export interface SkuDraft {
  line: number;
  props: Record<string, string>;
  priceFen: number;
  stock: number;
}

/**
 * One product as the file describes it: the fields from its first row that fills each ('' when no row does:
 * an existing product keeps its own), and its good SKU rows.
 */
export interface ProductDraft {
  title: string;
  category: string;
  description: string;
  listingNotes: string | null;
  /** Shipping weight in grams from the first row that gives one; null: keep the product's own. */
  weightG: number | null;
  skus: SkuDraft[];
}

/** Rows grouped by 商品名称: bad SKU rows fail on their own, the product keeps the good ones. */
export interface ProductGroup {
  lineCount: number;
  product?: ProductDraft;
  errors: StoredRowError[];
}

const MAX_LENGTH: Record<string, number> = { title: 200, category: 64, description: 5000, listing_notes: 1000 };

export function groupProductRows(rows: SheetRow[]): ProductGroup[] {
  const groups = new Map<string, SheetRow[]>();
  const sequence: (string | SheetRow)[] = [];
  for (const row of rows) {
    const title = row.values.title?.trim() ?? '';
    if (!title) {
      sequence.push(row);
      continue;
    }
    const group = groups.get(title);
    if (group) group.push(row);
    else {
      groups.set(title, [row]);
      sequence.push(title);
    }
  }
  return sequence.map((entry) =>
    typeof entry === 'string'
      ? checkProduct(entry, groups.get(entry)!)
      : { lineCount: 1, errors: [{ line: entry.line, reasons: [{ code: 'missing_value', params: { column: 'title' } }] }] },
  );
}

function checkProduct(title: string, rows: SheetRow[]): ProductGroup {
  const errors: StoredRowError[] = [];
  const skus: SkuDraft[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const reasons: RowReason[] = [];
    const value = (key: string) => row.values[key]?.trim() ?? '';
    for (const [key, max] of Object.entries(MAX_LENGTH)) {
      if (value(key).length > max) reasons.push({ code: 'too_long', params: { column: key, max } });
    }
    const priceFen = value('price') ? parseFen(value('price')) : undefined;
    if (!value('price')) reasons.push({ code: 'missing_value', params: { column: 'price' } });
    else if (priceFen === undefined) reasons.push({ code: 'invalid_amount', params: { column: 'price' } });
    const stock = value('stock') ? parseWholeNumber(value('stock'), 0) : 0;
    if (stock === undefined) reasons.push({ code: 'invalid_stock', params: { column: 'stock' } });
    if (value('weight_g') && parseWholeNumber(value('weight_g'), 1, 100_000) === undefined) {
      reasons.push({ code: 'invalid_weight', params: { column: 'weight_g' } });
    }
    const props = parseSkuProps(value('sku'));
    if (!props) reasons.push({ code: 'invalid_sku', params: { column: 'sku' } });
    const duplicateOf = props ? seen.get(skuKey(props)) : undefined;
    if (duplicateOf !== undefined) reasons.push({ code: 'duplicate_sku', params: { line: duplicateOf } });
    if (reasons.length) {
      errors.push({ line: row.line, reasons });
      continue;
    }
    seen.set(skuKey(props!), row.line);
    skus.push({ line: row.line, props: props!, priceFen: priceFen!, stock: stock! });
  }
  const first = (key: string) => rows.map((r) => r.values[key]?.trim() ?? '').find(Boolean) ?? '';
  const product = skus.length
    ? {
        title,
        category: first('category').slice(0, MAX_LENGTH.category),
        description: first('description').slice(0, MAX_LENGTH.description),
        listingNotes: first('listing_notes').slice(0, MAX_LENGTH.listing_notes) || null,
        weightG: first('weight_g') ? (parseWholeNumber(first('weight_g'), 1, 100_000) ?? null) : null,
        skus,
      }
    : undefined;
  return { lineCount: rows.length, product, errors };
}
