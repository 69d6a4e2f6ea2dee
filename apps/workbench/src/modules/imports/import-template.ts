import { IMPORT_COLUMNS, type ImportKind } from '@golddesk/contracts';

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Saves a template CSV (UTF-8 with BOM, so Excel opens the Chinese headers correctly). */
export function downloadTemplate(kind: ImportKind): void {
  // The same columns the server reads, with an example row.
  const rows = [IMPORT_COLUMNS[kind].map((column) => column.zh), IMPORT_COLUMNS[kind].map((column) => column.example)];
  const text = `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = kind === 'orders' ? '订单导入模板.csv' : '商品导入模板.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
