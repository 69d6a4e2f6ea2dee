import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError } from '../../platform/http/errors.js';

/** One row of a sheet as read: its line number and its cells' text by column. */
export interface GridRow {
  line: number;
  cells: string[];
}

export interface XlsxLimits {
  /** Data rows (after the header) beyond which the file is refused; reading stops there. */
  maxRows: number;
  /** What the parts read may unpack to in total. */
  maxUnpackedBytes?: number;
}

/** Room for 100,000 rows of a full marketplace order export (12 columns take ~55 MB, 21 columns ~90 MB). */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Real sheets deflate 8–15× (even 100,000 identical rows); a part above 1 MB that shrank 50× is a bomb. */
const MAX_COMPRESSION_RATIO = 50;
const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;
/** Import headers have a few dozen columns; a cell at XFD must not make every row 16,384 cells wide. */
const MAX_COLUMNS = 256;

const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

const unreadable = () =>
  new AppError('import_file_unreadable', { detail: '不是有效的 Excel（.xlsx）文件', detailEn: 'not a valid Excel (.xlsx) file' });

/**
 * Reads the rows of the first sheet that has any, without ever unpacking more than the limit: the zip's directory
 * is checked first (total size, compression ratio), every part is inflated by yauzl, which fails a part that
 * inflates past the size its header declared, and rows are streamed and counted as they come, so a file past the
 * row cap is refused at the first row too many.
 */
export async function readXlsxRows(bytes: Buffer, limits: XlsxLimits): Promise<GridRow[]> {
  const zip = await yauzl
    .fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false })
    .catch(() => {
      throw unreadable();
    });
  let source: Readable | undefined;
  try {
    const parts = await workbookParts(zip, limits.maxUnpackedBytes ?? MAX_XLSX_UNPACKED_BYTES);
    source = Readable.from(storedZip(zip, parts));
    const failed = new Promise<never>((_, reject) => source!.once('error', reject));
    // A part that fails to inflate stops the source; the reader would wait for it forever, so the failure wins.
    return await Promise.race([firstSheetRows(source, limits.maxRows), failed]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A part that inflates past the size the directory declared: a bomb behind a lying header.
    if (error instanceof Error && /too many bytes/.test(error.message)) {
      throw new AppError('import_file_inflated', { limit: megabytes(limits.maxUnpackedBytes ?? MAX_XLSX_UNPACKED_BYTES) });
    }
    throw unreadable();
  } finally {
    source?.destroy();
    zip.close();
  }
}

/** The parts the reader needs, in the order it needs them (relations and strings before sheets), after the checks. */
async function workbookParts(zip: yauzl.ZipFile, maxUnpackedBytes: number): Promise<yauzl.Entry[]> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) throw unreadable();
  const byName = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) {
    if (!WORKBOOK_PARTS.includes(entry.fileName) && !SHEET_PART.test(entry.fileName)) continue;
    if (byName.has(entry.fileName) || !entry.canDecodeFileData()) throw unreadable();
    byName.set(entry.fileName, entry);
  }
  if (!byName.has('xl/workbook.xml') || !byName.has('xl/_rels/workbook.xml.rels')) throw unreadable();
  const limit = megabytes(maxUnpackedBytes);
  let total = 0;
  for (const entry of byName.values()) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (total > maxUnpackedBytes || (entry.uncompressedSize > RATIO_CHECKED_FROM_BYTES && ratio > MAX_COMPRESSION_RATIO)) {
      throw new AppError('import_file_inflated', { limit });
    }
  }
  const sheetNumber = (entry: yauzl.Entry) => Number(SHEET_PART.exec(entry.fileName)![1]);
  const sheets = [...byName.values()].filter((e) => SHEET_PART.test(e.fileName)).sort((a, b) => sheetNumber(a) - sheetNumber(b));
  return [...WORKBOOK_PARTS.flatMap((name) => byName.get(name) ?? []), ...sheets];
}

/**
 * The checked parts again as a zip with every size in its local header and nothing compressed, for exceljs'
 * streaming reader, which parses local headers in order: it sees exactly the bytes yauzl inflated and checked,
 * never a part hidden between the directory's entries. (yazl would add data descriptors, which a streaming
 * parser has to scan for.)
 */
async function* storedZip(zip: yauzl.ZipFile, parts: yauzl.Entry[]): AsyncGenerator<Buffer> {
  for (const entry of parts) {
    const name = Buffer.from(entry.fileName, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 name; no data descriptor
    header.writeUInt32LE(entry.crc32 >>> 0, 14);
    header.writeUInt32LE(entry.uncompressedSize, 18);
    header.writeUInt32LE(entry.uncompressedSize, 22);
    header.writeUInt16LE(name.length, 26);
    yield Buffer.concat([header, name]);
    // exceljs decodes each chunk on its own: a chunk must not end inside a UTF-8 character (or 中 becomes ��).
    let carry: Buffer = Buffer.alloc(0);
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      const bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      const cut = utf8Boundary(bytes);
      carry = bytes.subarray(cut);
      if (cut > 0) yield bytes.subarray(0, cut);
    }
    if (carry.length) yield carry;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

/** The length of `bytes` without a UTF-8 character cut short at its end. */
function utf8Boundary(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + length <= bytes.length ? bytes.length : i;
  }
  return bytes.length;
}

/** Streams sheets in order and returns the rows of the first one that has a non-empty row. */
async function firstSheetRows(source: Readable, maxRows: number): Promise<GridRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // Shared strings kept as plain text (exceljs would keep rich text as objects, ten times the XML); set before
  // reading so sheets stream at once instead of being parked in temp files.
  const strings: string[] = [];
  (reader as unknown as { sharedStrings: string[] }).sharedStrings = strings;
  // parse() yields each shared string as a bare { index, text } and everything else as { eventType, value }.
  const events = reader.parse() as unknown as AsyncGenerator<{
    eventType?: string;
    value?: unknown;
    index?: number;
    text?: ExcelJS.CellValue;
  }>;
  for await (const event of events) {
    if (typeof event.index === 'number') strings[event.index] = cellText(event.text ?? null);
    if (event.eventType !== 'worksheet') continue;
    const rows = await sheetRows(event.value as ExcelJS.stream.xlsx.WorksheetReader, maxRows);
    if (rows.length) return rows;
  }
  throw new AppError('import_file_empty');
}

async function sheetRows(sheet: ExcelJS.stream.xlsx.WorksheetReader, maxRows: number): Promise<GridRow[]> {
  const rows: GridRow[] = [];
  let line = 0;
  for await (const row of sheet) {
    line = Number.isInteger(row.number) && row.number > line ? row.number : line + 1;
    if (line > maxRows + 1) throw new AppError('import_too_many_rows', { limit: maxRows.toLocaleString('en') });
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= MAX_COLUMNS) cells[column - 1] = cellText(cell.value);
    });
    if (cells.some((c) => c)) rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  }
  return rows;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A cell as the text the seller sees. Dates are Excel wall-clock times (exceljs hands them over as UTC). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text ?? '')
      .join('')
      .trim();
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  return '';
}
