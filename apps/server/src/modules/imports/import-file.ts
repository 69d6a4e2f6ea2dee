import { IMPORT_COLUMNS, type ImportColumn, type ImportKind } from '@golddesk/contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../platform/http/errors.js';
import { stripControlText } from '../../platform/text/control-text.js';
import { readXlsxRows, type GridRow } from './xlsx-rows.js';

/** One data row of an import file: its line as the user sees it (header = line 1) and its cells by column key. */
export interface SheetRow {
  line: number;
  values: Record<string, string>;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export type FileFormat = 'csv' | 'xlsx';

/** Decides CSV or xlsx by the bytes, whatever the Content-Type claimed: a renamed file cannot pass. */
export function sniffFormat(bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new AppError('import_file_empty');
  // xlsx is a zip; the old binary .xls (OLE), UTF-16 and other binaries are full of control bytes, while a
  // text file has only strays in its cells (stripped when the cells are read).
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  const sample = bytes.subarray(0, 8192);
  const controls = sample.reduce((n, byte) => n + (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b) ? 1 : 0), 0);
  if (controls * 10 > sample.length) throw new AppError('import_file_unsupported');
  return 'csv';
}

/**
 * Reads the whole file and maps its header (line 1) to column keys. Refuses, importing nothing, a file that
 * cannot be read, has no data rows, too many rows, or lacks a required column.
 */
export async function readImportFile(kind: ImportKind, bytes: Buffer): Promise<SheetRow[]> {
  return readColumnFile(IMPORT_COLUMNS[kind], bytes);
}

/** The same reading for any column list (quick replies use it too). */
export async function readColumnFile(columns: readonly ImportColumn[], bytes: Buffer): Promise<SheetRow[]> {
  const format = sniffFormat(bytes);
  const grid = format === 'xlsx' ? await readXlsxRows(bytes, { maxRows: MAX_IMPORT_ROWS }) : readCsv(bytes);
  const header = grid[0];
  if (!header || header.line !== 1 || header.cells.every((c) => c === '')) {
    throw missingColumns(
      columns,
      columns.filter((c) => c.required).map((c) => c.key),
    );
  }
  const keys = mapHeader(columns, header.cells.map(stripControlText));
  const missing = columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.key);
  if (missing.length) throw missingColumns(columns, missing);

  const rows: SheetRow[] = [];
  for (const { line, cells } of grid.slice(1)) {
    if (cells.every((c) => c === '')) continue;
    const values: Record<string, string> = {};
    keys.forEach((key, i) => {
      // NUL and other control characters are dropped from a cell, the row kept (PostgreSQL refuses NUL in text).
      if (key && values[key] === undefined) values[key] = stripControlText(cells[i] ?? '');
    });
    rows.push({ line, values });
  }
  if (rows.length === 0) throw new AppError('import_file_empty');
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('import_too_many_rows', { limit: MAX_IMPORT_ROWS.toLocaleString('en') });
  return rows;
}

/** Header cell → column key (Chinese header, English alias or a marketplace's name; "*" and "(必填)" ignored). */
function mapHeader(columns: readonly ImportColumn[], cells: string[]): (string | undefined)[] {
  const normalise = (text: string) =>
    text
      .replace(/[*＊]|[（(]必填[)）]/g, '')
      .replace(/[\s_]/g, '')
      .toLowerCase();
  const byName = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.zh, column.en, ...(column.aliases ?? [])]) byName.set(normalise(name), column.key);
  }
  return cells.map((cell) => byName.get(normalise(cell)));
}

function missingColumns(all: readonly ImportColumn[], keys: string[]) {
  const columns = all.filter((c) => keys.includes(c.key));
  return new AppError('import_columns_missing', {
    columns: columns.map((c) => c.zh).join('、'),
    columnsEn: columns.map((c) => c.en).join(', '),
  });
}

/** UTF-8 (with or without BOM), or GB18030 as Excel on a Chinese Windows saves CSV. */
function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

function readCsv(bytes: Buffer): GridRow[] {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Some exports are tab-separated under a .csv name.
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('import_file_unreadable', {
      detail: `CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}`,
      detailEn: `malformed CSV${line ? ` (near line ${line})` : ''}`,
    });
  }
  // info.lines is where a record ends; a quoted cell may span lines, and the user sees where it starts.
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}
