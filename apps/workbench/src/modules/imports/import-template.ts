import { IMPORT_COLUMNS, type ImportKind } from '@golddesk/contracts';
import { downloadCsv } from '../../platform/csv-file';

const TEMPLATE_FILES: Record<ImportKind, string> = {
  orders: '订单导入模板.csv',
  products: '商品导入模板.csv',
  reviews: '评价导入模板.csv',
};

/** Saves a template CSV (UTF-8 with BOM, so Excel opens the Chinese headers correctly). */
export function downloadTemplate(kind: ImportKind): void {
  // The same columns the server reads, with an example row.
  const rows = [IMPORT_COLUMNS[kind].map((column) => column.zh), IMPORT_COLUMNS[kind].map((column) => column.example)];
  downloadCsv(TEMPLATE_FILES[kind], rows);
}
