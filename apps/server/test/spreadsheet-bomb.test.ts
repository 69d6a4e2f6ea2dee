// xlsx files are zips: a small upload can unpack to gigabytes. The reader checks the zip's directory before it
// inflates anything, catches a part that inflates past what its header declared, and streams rows up to the cap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorEnvelope, ListQuickRepliesResponse, QuickReplyImportResult } from '@golddesk/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { z } from 'zod';
import { MAX_IMPORT_ROWS } from '../src/modules/imports/import-file.js';
import { readXlsxRows } from '../src/modules/imports/xlsx-rows.js';
import { api, loginAgent } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'xl/worksheets/sheet1.xml';

/** A valid workbook from exceljs whose first sheet's XML is replaced by `sheetXml` (deflated at the highest level). */
async function xlsxWithSheet(sheetXml: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['x']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  zip.file(SHEET, sheetXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Sheet XML of `rows` rows after a 快捷编码/内容 header, each row a long run of the same characters. */
function bombSheet(rows: number, cell = '炸'.repeat(300)): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  parts.push(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>快捷编码</t></is></c><c r="B1" t="inlineStr"><is><t>内容</t></is></c></row>',
  );
  for (let r = 2; r <= rows + 1; r++) {
    parts.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>c${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>${cell}</t></is></c></row>`,
    );
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** Rewrites the uncompressed size a zip declares for `name`, in its local header and its central directory entry. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  const fileName = Buffer.from(name);
  for (const [signature, nameOffset, sizeOffset] of [
    [0x04034b50, 30, 22],
    [0x02014b50, 46, 24],
  ] as const) {
    for (
      let at = patched.indexOf(Buffer.from([0x50, 0x4b]));
      at !== -1;
      at = patched.indexOf(Buffer.from([0x50, 0x4b]), at + 1)
    ) {
      if (patched.readUInt32LE(at) !== signature) continue;
      if (!patched.subarray(at + nameOffset, at + nameOffset + fileName.length).equals(fileName)) continue;
      patched.writeUInt32LE(size, at + sizeOffset);
    }
  }
  return patched;
}

/** Heap plus buffers in use: what an inflated workbook would fill. */
const memory = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/** Runs `work` while sampling memory every few ms; resolves with its result and the highest growth seen. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number; ms: number }> {
  const start = memory();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, memory())), 2);
  const started = Date.now();
  try {
    const result = await work();
    return { result, growth: Math.max(peak, memory()) - start, ms: Date.now() - started };
  } finally {
    clearInterval(sampler);
  }
}

describe('spreadsheet bombs', () => {
  let server: TestServer;
  let owner: { token: string };
  let presale: { token: string };
  let bomb: Buffer;
  let liar: Buffer;

  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    // ~60 MB of sheet XML (under the row cap, so only the size gives it away) in well under 1 MB of zip.
    bomb = await xlsxWithSheet(bombSheet(65_000));
    // The same bytes with a header that claims the sheet unpacks to 2 KB.
    liar = declareSize(bomb, SHEET, 2048);
  });
  after(() => server.close());

  const importOrders = (bytes: Buffer, token = owner.token) =>
    api<ErrorEnvelope>(server.url, 'POST', '/api/v1/imports?kind=orders', {
      token,
      raw: bytes,
      headers: { 'content-type': XLSX },
    });
  const importPhrases = <T = ErrorEnvelope>(bytes: Buffer, token = presale.token, language = 'zh-CN') =>
    api<T>(server.url, 'POST', '/api/v1/quick-replies/import?scope=personal', {
      token,
      raw: bytes,
      headers: { 'content-type': XLSX, 'accept-language': language },
    });

  it('builds a real bomb: a small upload that unpacks past 60 MB', async () => {
    assert.ok(bomb.length < 1024 * 1024, `zip is ${bomb.length} bytes`);
    const unpacked = (await (await JSZip.loadAsync(bomb)).file(SHEET)!.async('uint8array')).length;
    assert.ok(unpacked > 60 * 1024 * 1024, `sheet unpacks to ${unpacked} bytes`);
  });

  it('refuses the bomb with 413 at once, before inflating it, through the order import', async () => {
    const { result, growth, ms } = await peakGrowth(() => importOrders(bomb));
    assert.equal(result.status, 413);
    assert.equal(result.body.error.code, 'import_file_inflated');
    assert.match(result.body.error.message, /Excel 文件解压后过大或压缩比异常/);
    console.log(`  bomb refused in ${ms} ms`);
    assert.ok(growth < 40 * 1024 * 1024, `memory grew by ${Math.round(growth / 1024 / 1024)} MB`);
  });

  it("refuses the bomb through a pre-sales agent's personal quick-reply import too", async () => {
    const { result, growth } = await peakGrowth(() => importPhrases(bomb, presale.token, 'en'));
    assert.equal(result.status, 413);
    assert.equal(result.body.error.code, 'import_file_inflated');
    assert.match(result.body.error.message, /too large once unpacked/);
    assert.ok(growth < 40 * 1024 * 1024, `memory grew by ${Math.round(growth / 1024 / 1024)} MB`);
  });

  it('stops inflating a part that outgrows the size its header declared', async () => {
    for (const send of [() => importOrders(liar), () => importPhrases(liar)]) {
      const { result, growth, ms } = await peakGrowth(send);
      assert.equal(result.status, 413);
      assert.equal(result.body.error.code, 'import_file_inflated');
      console.log(`  bomb refused in ${ms} ms`);
      assert.ok(growth < 40 * 1024 * 1024, `memory grew by ${Math.round(growth / 1024 / 1024)} MB`);
    }
  });

  it('refuses a workbook whose parts add up past the unpacked limit, whatever their ratio', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('快捷短语');
    sheet.addRow(['快捷编码', '内容']);
    for (let i = 0; i < 500; i++) sheet.addRow([`c${i}`, `第 ${i} 条短语`]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    assert.equal((await readXlsxRows(bytes, { maxRows: 1000 })).length, 501);
    await assert.rejects(readXlsxRows(bytes, { maxRows: 1000, maxUnpackedBytes: 16 * 1024 }), { code: 'import_file_inflated' });
  });

  it("still imports a valid xlsx for a pre-sales agent's personal phrases", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('快捷短语');
    sheet.addRow(['分组', '快捷编码', '内容']);
    sheet.addRow(['售前', 'bomb-ok-1', '亲，在的～有什么可以帮您？']);
    sheet.addRow(['售前', 'bomb-ok-2', '亲，这款今天下单明天发货哦']);
    const res = await importPhrases<QuickReplyImportResult>(Buffer.from(await workbook.xlsx.writeBuffer()));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.errors, []);
    assert.deepEqual([res.body.total, res.body.created, res.body.failed], [2, 2, 0]);
    const list = await api<z.infer<typeof ListQuickRepliesResponse>>(server.url, 'GET', '/api/v1/quick-replies?scope=personal', {
      token: presale.token,
    });
    assert.ok(list.body.quickReplies.some((q: { content: string }) => q.content === '亲，这款今天下单明天发货哦'));
  });

  it('still applies the row cap, refusing one row past it', async () => {
    const rows = (n: number) => {
      const parts = [
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ];
      for (let r = 1; r <= n + 1; r++)
        parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${r === 1 ? '订单号' : `N${r}`}</t></is></c></row>`);
      parts.push('</sheetData></worksheet>');
      return parts.join('');
    };
    const tooMany = await xlsxWithSheet(rows(MAX_IMPORT_ROWS + 1));
    const res = await importOrders(tooMany);
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'import_too_many_rows');
    assert.match(res.body.error.message, /100,000/);
  });
});
