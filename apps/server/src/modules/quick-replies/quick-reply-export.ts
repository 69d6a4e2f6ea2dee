import { QUICK_REPLY_COLUMNS } from '@golddesk/contracts';
import ExcelJS from 'exceljs';
import type { QuickReplyRow } from './quick-reply.repository.js';

const HEADER = QUICK_REPLY_COLUMNS.map((c) => c.zh);
const cells = (row: QuickReplyRow) => [row.group_name, row.code ?? '', row.content];

function csvCell(value: string): string {
  // Quote everything that could break a line or a column, and defuse formulas Excel would run.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 CSV with a BOM so Excel on a Chinese Windows opens it correctly; columns 分组, 快捷编码, 内容. */
export function quickRepliesCsv(rows: QuickReplyRow[]): Buffer {
  const lines = [HEADER, ...rows.map(cells)].map((line) => line.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An xlsx workbook with one sheet 快捷短语, the same columns as the import. */
export async function quickRepliesXlsx(rows: QuickReplyRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('快捷短语');
  sheet.columns = [{ width: 12 }, { width: 14 }, { width: 80 }];
  sheet.addRow(HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
