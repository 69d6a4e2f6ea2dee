import ExcelJS from 'exceljs';

/** A cell of an exported table. */
export type TableCell = string | number | null;

function csvCell(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  // Quote everything that could break a line or a column, and defuse formulas Excel would run.
  const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) || safe !== cell ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 CSV with a BOM so Excel on a Chinese Windows opens it correctly. */
export function tableCsv(header: readonly string[], rows: readonly (readonly TableCell[])[]): Buffer {
  const lines = [header, ...rows].map((line) => line.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An xlsx workbook of one sheet: a bold header row, then the rows (numbers stay numbers). */
export async function tableXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly TableCell[])[],
  widths?: readonly number[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = header.map((_, i) => ({ width: widths?.[i] ?? 14 }));
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The Content-Disposition of a download: an ASCII fallback name and the real (Chinese) one. */
export function attachmentHeader(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
