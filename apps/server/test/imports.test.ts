import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type {
  CatalogueProduct,
  CustomerProfile,
  ErrorEnvelope,
  ImportResponse,
  ImportView,
  ListCatalogueResponse,
  ListAuditResponse,
  ListImportsResponse,
  OrderView,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, StreamClient } from './helpers/clients.js';
import { customerByNick } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ORDER_HEADER =
  '订单号,买家昵称,订单状态,商品名称,SKU属性,单价,数量,实付金额,收货人,手机,省份,收货地址,物流公司,运单号,下单时间,付款时间,发货时间,签收时间,成交时间,关闭时间,备注';

/** 9 data rows (lines 2–10); lines 4, 6 and 8 are wrong in three different ways. */
const ORDERS_CSV = [
  ORDER_HEADER,
  'T1001,导入买家甲,已付款,纯棉短袖T恤,颜色:黑色;尺码:M,129.00,1,208.00,张三,13800001111,浙江省,杭州市西湖区文三路1号,,,2026-11-11 00:05:00,2026-11-11 00:06:00,,,,,',
  'T1001,导入买家甲,已付款,帆布托特包,,79.00,1,208.00,,,,,,,,,,,,,加急',
  'T1002,导入买家乙,待付款,牛仔外套,颜色:蓝色,299.00,1,两百,李四,13800002222,江苏省,南京市鼓楼区1号,,,2026-11-11 01:00:00,,,,,,',
  'T1003,导入买家乙,已发货,牛仔外套,颜色:蓝色,299.00,1,299.00,李四,13800002222,江苏省,南京市鼓楼区1号,中通快递,75300000001,2026-11-10 09:00:00,2026-11-10 09:01:00,2026-11-10 18:00:00,,,,',
  'T1004,导入买家丙,已发货,牛仔外套,颜色:蓝色,299.00,1,299.00,王五,13800003333,广东省,深圳市南山区1号,,,2026-11-10 09:00:00,2026-11-10 09:01:00,2026-11-10 18:00:00,,,,',
  'T1005,导入买家丙,交易成功,"羊毛围巾, 加厚",颜色:灰色,159.00,2,318.00,王五,13800003333,广东省,深圳市南山区1号,顺丰速运,SF100000001,2026-11-01 10:00:00,2026-11-01 10:01:00,2026-11-01 15:00:00,2026-11-03 12:00:00,2026-11-10 12:00:00,,',
  'T1006,导入买家丁,已付款,纯棉短袖T恤,颜色:白色;尺码:L,129.00,0,129.00,赵六,13800004444,北京市,朝阳区1号,,,2026-11-11 02:00:00,2026-11-11 02:01:00,,,,,',
  'T1007,导入买家丁,交易关闭,纯棉短袖T恤,颜色:白色;尺码:L,129.00,1,129.00,赵六,13800004444,北京市,朝阳区1号,,,2026-11-11 03:00:00,,,,,2026-11-12 03:00:00,',
  'T1008,导入买家甲,待付款,帆布托特包,,79.00,1,69.00,张三,13800001111,浙江省,杭州市西湖区文三路1号,,,2026-11-11 04:00:00,,,,,,',
].join('\n');

describe('imports', () => {
  let server: TestServer;
  let owner: { token: string };
  let presale: { token: string };

  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
  });
  after(() => server.close());

  const upload = <T = ImportResponse>(
    kind: string,
    body: string | Buffer,
    options: { type?: string; token?: string; language?: string } = {},
  ) =>
    api<T>(server.url, 'POST', `/api/v1/imports?kind=${kind}`, {
      token: options.token ?? owner.token,
      raw: body,
      headers: { 'content-type': options.type ?? CSV, 'accept-language': options.language ?? 'zh-CN' },
    });

  /** Polls until the import leaves running. */
  async function finished(id: string, language = 'zh-CN'): Promise<ImportView> {
    for (let i = 0; i < 200; i++) {
      const res = await api<ImportResponse>(server.url, 'GET', `/api/v1/imports/${id}`, {
        token: owner.token,
        headers: { 'accept-language': language },
      });
      assert.equal(res.status, 200);
      if (res.body.import.status !== 'running') return res.body.import;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  const db = () => server.app.context.storage.db;
  // why: a refused import must write nothing at all, in any shop; no API counts every row of a table.
  const count = async (table: 'orders' | 'order_items' | 'imports' | 'products' | 'buyers') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function ordersOf(nick: string) {
    const buyer = await customerByNick(server.url, owner.token, nick);
    const res = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${buyer.id}`, { token: owner.token });
    assert.equal(res.status, 200);
    return res.body.orders;
  }

  it('imports the good rows, reports exactly the 3 bad lines with reasons, and progress reaches done', async () => {
    const stream = await StreamClient.connect(server.url, owner.token);
    const res = await upload('orders', ORDERS_CSV);
    assert.equal(res.status, 202);
    assert.equal(res.body.import.status, 'running');
    assert.equal(res.body.import.total, 9);
    const result = await finished(res.body.import.id);
    assert.equal(result.status, 'done');
    assert.equal(result.processed, result.total);
    assert.equal(result.failed, 3);
    assert.equal(result.imported, 6);
    assert.equal(result.created, 5);
    assert.deepEqual(
      result.errors.map((e: { line: number }) => e.line),
      [4, 6, 8],
    );
    assert.equal(result.errors[0]!.message, '第 4 行：实付金额不是有效的金额');
    assert.match(result.errors[1]!.reason, /订单状态为「已发货」时物流公司不能为空/);
    assert.match(result.errors[2]!.reason, /数量必须是大于 0 的整数/);

    const english = await finished(res.body.import.id, 'en');
    assert.equal(english.errors[0]!.message, 'line 4: total is not a valid amount');
    assert.match(english.errors[1]!.reason, /status shipped requires carrier/);

    const done = await stream.nextOfType('import.progressed', (f) => f.import.status === 'done');
    assert.equal(done.import.processed, done.import.total);
    await stream.close();

    const first = await ordersOf('导入买家甲');
    const t1001 = first.find((o) => o.orderNo === 'T1001')!;
    assert.equal(t1001.status, 'paid');
    assert.equal(t1001.totalFen, 20800);
    assert.deepEqual(
      t1001.items.map((i: OrderView['items'][number]) => [i.title, i.skuProps, i.priceFen, i.quantity]),
      [
        ['纯棉短袖T恤', { 颜色: '黑色', 尺码: 'M' }, 12900, 1],
        ['帆布托特包', {}, 7900, 1],
      ],
    );
    assert.equal(t1001.placedAt, '2026-11-10T16:05:00.000Z', 'China time stored as UTC');
    assert.equal(t1001.memo, '加急');
    assert.equal(t1001.receiver.address, '浙江省杭州市西湖区文三路1号');
    assert.ok(first.some((o) => o.orderNo === 'T1008' && o.status === 'pending_payment'));
    const third = await ordersOf('导入买家丙');
    assert.deepEqual(
      third.map((o) => o.orderNo),
      ['T1005'],
      'T1004 (no tracking number) is not imported',
    );
    assert.equal(third[0]!.items[0]!.title, '羊毛围巾, 加厚');
    assert.equal((await ordersOf('导入买家乙')).map((o) => o.orderNo).join(), 'T1003');

    const audit = await api<z.infer<typeof ListAuditResponse>>(
      server.url,
      'GET',
      `/api/v1/audit?targetType=import&targetId=${res.body.import.id}`,
      {
        token: owner.token,
      },
    );
    assert.equal(audit.body.entries.length, 1);
    assert.equal(audit.body.entries[0]?.action, 'import.orders_imported');
  });

  it('re-importing the same file changes nothing and duplicates nothing', async () => {
    const [orders, items, buyers] = [await count('orders'), await count('order_items'), await count('buyers')];
    const res = await upload('orders', ORDERS_CSV);
    const result = await finished(res.body.import.id);
    assert.equal(result.status, 'done');
    assert.deepEqual([result.created, result.updated, result.unchanged], [0, 0, 5]);
    assert.deepEqual([await count('orders'), await count('order_items'), await count('buyers')], [orders, items, buyers]);

    // A later export of the same order (now shipped) updates it in place.
    const shipped = [
      ORDER_HEADER,
      'T1008,导入买家甲,已发货,帆布托特包,,79.00,1,69.00,张三,13800001111,浙江省,杭州市西湖区文三路1号,圆通速递,YT0001,2026-11-11 04:00:00,2026-11-11 04:10:00,2026-11-11 20:00:00,,,,',
    ].join('\n');
    const again = await finished((await upload('orders', shipped)).body.import.id);
    assert.deepEqual([again.created, again.updated], [0, 1]);
    assert.equal(await count('orders'), orders);
    const t1008 = (await ordersOf('导入买家甲')).find((o) => o.orderNo === 'T1008')!;
    assert.equal(t1008.status, 'shipped');
    assert.equal(t1008.trackingNo, 'YT0001');
  });

  it('refuses a malformed file as a whole and imports nothing', async () => {
    const [orders, imports] = [await count('orders'), await count('imports')];
    const wrongHeader = await upload<ErrorEnvelope>('orders', '编号,昵称,金额\nX1,某人,1.00\n');
    assert.equal(wrongHeader.status, 400);
    assert.equal(wrongHeader.body.error.code, 'import_columns_missing');
    assert.match(wrongHeader.body.error.message, /缺少必需的列：订单号、买家昵称/);
    const english = await upload<ErrorEnvelope>('orders', '编号,昵称,金额\nX1,某人,1.00\n', { language: 'en' });
    assert.match(english.body.error.message, /Required columns are missing: order_no, buyer_nick/);

    const binary = await upload<ErrorEnvelope>('orders', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    assert.equal(binary.status, 415);
    assert.equal(binary.body.error.code, 'import_file_unsupported');
    const pdf = await upload<ErrorEnvelope>('orders', '%PDF-1.4', { type: 'application/pdf' });
    assert.equal(pdf.status, 415);
    assert.equal(pdf.body.error.code, 'import_file_unsupported');
    const fakeXlsx = await upload<ErrorEnvelope>('orders', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]), {
      type: XLSX,
    });
    assert.equal(fakeXlsx.status, 400);
    assert.equal(fakeXlsx.body.error.code, 'import_file_unreadable');
    const empty = await upload<ErrorEnvelope>('orders', `${ORDER_HEADER}\n\n`);
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'import_file_empty');
    const huge = await upload<ErrorEnvelope>('orders', Buffer.alloc(21 * 1024 * 1024, 0x61));
    assert.equal(huge.status, 413);
    assert.match(huge.body.error.message, /20 MB/);

    assert.equal(await count('orders'), orders);
    assert.equal(await count('imports'), imports);
  });

  it('imports an xlsx file (dates and numbers as Excel cells)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow([
      '订单号',
      '买家昵称',
      '订单状态',
      '商品名称',
      'SKU属性',
      '单价',
      '数量',
      '实付金额',
      '收货人',
      '手机',
      '收货地址',
      '下单时间',
      '付款时间',
    ]);
    sheet.addRow([
      'X2001',
      '表格买家',
      '已付款',
      '真丝睡衣',
      '颜色:香槟色',
      399,
      1,
      379.5,
      '孙七',
      '13900001111',
      '上海市浦东新区1号',
      new Date(Date.UTC(2026, 10, 11, 20, 30, 0)),
      '2026-11-11 20:31:00',
    ]);
    sheet.addRow([
      'X2002',
      '表格买家',
      'pending_payment',
      '真丝睡衣',
      '颜色:香槟色',
      399,
      2,
      798,
      '孙七',
      '13900001111',
      '上海市浦东新区1号',
      '2026-11-12 08:00:00',
      null,
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('orders', bytes, { type: XLSX });
    assert.equal(res.status, 202);
    const result = await finished(res.body.import.id);
    assert.deepEqual([result.status, result.imported, result.failed], ['done', 2, 0]);
    const orders = await ordersOf('表格买家');
    const x2001 = orders.find((o) => o.orderNo === 'X2001')!;
    assert.equal(x2001.totalFen, 37950);
    assert.equal(x2001.placedAt, '2026-11-11T12:30:00.000Z');
    assert.equal(orders.find((o) => o.orderNo === 'X2002')!.items[0]!.quantity, 2);
  });

  it('imports products with their SKUs, and a re-import with new stock updates them', async () => {
    const csv = (stock: number) =>
      [
        'title,category,price,stock,sku,description,listing_notes,重量(克)',
        `导入测试卫衣,男装/卫衣,199.00,${stock},颜色:黑色;尺码:L,加绒加厚,偏大一码,650`,
        `导入测试卫衣,男装/卫衣,209.00,${stock},颜色:黑色;尺码:XL,,,`,
        '导入测试袜子,配件,19.90,500,,,,',
        '导入测试袜子,配件,abc,500,颜色:白色,,,',
        '导入测试袜子,配件,19.90,500,颜色:灰色,,,半斤',
      ].join('\r\n');
    const res = await upload('products', csv(30));
    const result = await finished(res.body.import.id);
    assert.deepEqual([result.status, result.imported, result.failed, result.created], ['done', 3, 2, 2]);
    assert.equal(result.errors[0]!.message, '第 5 行：价格不是有效的金额');
    assert.equal(result.errors[1]!.message, '第 6 行：重量(克)必须是 1 到 100000 之间的整数（克）');
    const products = (await api<ListCatalogueResponse>(server.url, 'GET', '/api/v1/products', { token: owner.token })).body
      .products;
    const hoodie = products.find((p) => p.title === '导入测试卫衣')!;
    assert.equal(hoodie.priceFen, 19900);
    assert.equal(hoodie.category, '男装/卫衣');
    assert.equal(hoodie.listingNotes, '偏大一码');
    assert.equal(hoodie.weightG, 650, 'the weight the courier cost is computed from');
    assert.deepEqual(
      hoodie.skus.map((s) => [s.props, s.priceFen, s.stock]),
      [
        [{ 颜色: '黑色', 尺码: 'L' }, 19900, 30],
        [{ 颜色: '黑色', 尺码: 'XL' }, 20900, 30],
      ],
    );

    const productCount = await count('products');
    const again = await finished((await upload('products', csv(12))).body.import.id);
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 1, 1]);
    assert.equal(await count('products'), productCount);
    const updated = (
      await api<ListCatalogueResponse>(server.url, 'GET', '/api/v1/products', { token: owner.token })
    ).body.products.find((p: CatalogueProduct) => p.title === '导入测试卫衣')!;
    assert.deepEqual(
      updated.skus.map((s) => s.stock),
      [12, 12],
    );
  });

  it('is for owner, manager and support only: a presale agent gets 403', async () => {
    const res = await upload<ErrorEnvelope>('orders', ORDERS_CSV, { token: presale.token });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
    const list = await api(server.url, 'GET', '/api/v1/imports', { token: presale.token });
    assert.equal(list.status, 403);
    const support = await loginAgent(server.url, 'support1');
    const allowed = await api<ListImportsResponse>(server.url, 'GET', '/api/v1/imports', { token: support.token });
    assert.equal(allowed.status, 200);
    assert.ok(allowed.body.imports.length >= 4);
  });
});
