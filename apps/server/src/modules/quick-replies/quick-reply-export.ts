import { QUICK_REPLY_COLUMNS } from '@golddesk/contracts';
import { tableCsv, tableXlsx } from '../../platform/http/table-files.js';
import type { QuickReplyRow } from './quick-reply.repository.js';

const HEADER = QUICK_REPLY_COLUMNS.map((c) => c.zh);
const cells = (row: QuickReplyRow) => [row.group_name, row.code ?? '', row.content];

/** UTF-8 CSV with a BOM; columns 分组, 快捷编码, 内容 (the import's). */
export function quickRepliesCsv(rows: QuickReplyRow[]): Buffer {
  return tableCsv(HEADER, rows.map(cells));
}

/** An xlsx workbook with one sheet 快捷短语, the same columns as the import. */
export async function quickRepliesXlsx(rows: QuickReplyRow[]): Promise<Buffer> {
  return tableXlsx('快捷短语', HEADER, rows.map(cells), [12, 14, 80]);
}
