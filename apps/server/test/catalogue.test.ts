import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  CatalogueProductResponse,
  CustomerProfile,
  ErrorEnvelope,
  ListAuditResponse,
  ListBundlesResponse,
  ListCatalogueResponse,
  ListConversationsResponse,
  ListProductsResponse,
  BundleResponse,
  OrderResponse,
  SizeAdviceResponse,
  SuggestionsResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { recommendSize } from '../src/modules/catalogue/size-advice.js';
import { api, loginAgent, startBuyer } from './helpers/clients.js';
import { allOrders, shopOf } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const CHART = [
  { size: 'S', heightCm: [150, 158] as [number, number], weightKg: [40, 47] as [number, number] },
  { size: 'M', heightCm: [158, 165] as [number, number], weightKg: [47, 54] as [number, number] },
  { size: 'L', heightCm: [165, 170] as [number, number], weightKg: [54, 61] as [number, number] },
];

describe('recommendSize', () => {
  it('picks the size where height and weight agree, the larger when they differ, none outside the chart', () => {
    assert.deepEqual(recommendSize(CHART, 160, 50), { size: 'M', fit: 'exact', byHeight: 'M', byWeight: 'M' });
    assert.deepEqual(recommendSize(CHART, 155, 58), { size: 'L', fit: 'between', byHeight: 'S', byWeight: 'L' });
    assert.equal(recommendSize(CHART, 190, 50).fit, 'none');
    assert.equal(recommendSize(CHART, 160, 90).size, null);
    assert.equal(recommendSize([{ size: '均码', weightKg: [40, 70] }], 175, 60).size, '均码', 'a chart by weight only');
  });
});

describe('catalogue admin and related needs', () => {
  let server: TestServer;
  let owner: { token: string };
  let manager: { token: string };
  let presale: { token: string };
  let products: Array<{
    id: string;
    title: string;
    priceFen: number;
    category: string;
    skus: Array<{ id: string; props: Record<string, string>; priceFen: number; stock: number }>;
  }>;
  const byTitle = (prefix: string) => products.find((p) => p.title.startsWith(prefix))!;
  const get = <T = unknown>(path: string, token = owner.token, language = 'zh-CN') =>
    api<T>(server.url, 'GET', path, { token, headers: { 'accept-language': language } });
  const send = <T = unknown>(method: string, path: string, body: unknown, token = owner.token, language = 'zh-CN') =>
    api<T>(server.url, method, path, { token, body, headers: { 'accept-language': language } });

  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    const created = await api(server.url, 'POST', '/api/v1/team/agents', {
      token: owner.token,
      body: { username: 'manager1', name: '主管-阿花', role: 'manager', password: 'manager-password-1' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    manager = await loginAgent(server.url, 'manager1', 'manager-password-1');
    products = (await get<ListCatalogueResponse>('/api/v1/products?pageSize=200')).body.products;
  });
  after(() => server.close());

  it('lists with title search, category filter and paging; every agent reads', async () => {
    const all = (await get<ListCatalogueResponse>('/api/v1/products', presale.token)).body;
    assert.equal(all.total, products.length);
    assert.deepEqual(all.categories, ['服饰', '美妆']);
    const search = (await get<ListCatalogueResponse>(`/api/v1/products?q=${encodeURIComponent('面膜')}`)).body;
    assert.ok(search.products.length >= 1 && search.products.every((p: { title: string }) => p.title.includes('面膜')));
    const clothes = (
      await get<ListCatalogueResponse>(`/api/v1/products?category=${encodeURIComponent('服饰')}&pageSize=5&page=2`)
    ).body;
    assert.equal(clothes.products.length, 5);
    assert.ok(clothes.products.every((p: { category: string }) => p.category === '服饰'));
    assert.equal(clothes.total, products.filter((p) => p.category === '服饰').length);
    const one = (await get<CatalogueProductResponse>(`/api/v1/products/${byTitle('氨基酸').id}`, presale.token)).body.product;
    assert.equal(
      one.stockTotal,
      one.skus.reduce((n: number, s: { stock: number }) => n + s.stock, 0),
    );
    assert.deepEqual(
      one.related.map((r: { title: string; direction: string }) => [r.title.slice(0, 4), r.direction]),
      [
        ['玻尿酸补', 'outgoing'],
        ['修护舒缓', 'outgoing'],
        ['温和卸妆', 'incoming'],
      ],
      'related products from both ends',
    );
  });

  it('the owner edits price, notes, attributes and size chart; SKUs priced like the product follow; audited before → after', async () => {
    const tee = byTitle('纯棉宽松短袖T恤');
    const res = await send<CatalogueProductResponse>('PATCH', `/api/v1/products/${tee.id}`, {
      priceFen: 8900,
      listingNotes: '浅色可能轻微褪色，建议冷水手洗',
      attributes: [
        { name: '材质', value: '100% 棉' },
        { name: '产地', value: '广东' },
      ],
      sizeChart: [
        { size: 'M', heightCm: [155, 165], weightKg: [45, 55] },
        { size: 'L', heightCm: [165, 175], weightKg: [55, 65] },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.product.priceFen, 8900);
    assert.ok(res.body.product.skus.every((s: { priceFen: number }) => s.priceFen === 8900));
    assert.deepEqual(
      res.body.product.attributes.map((a: { name: string }) => a.name),
      ['材质', '产地'],
    );
    const shop = (await get<ListProductsResponse>('/api/v1/shops/demo/products?limit=50')).body.products.find(
      (p: { id: string }) => p.id === tee.id,
    )!;
    assert.equal(shop.priceFen, 8900);
    assert.equal(shop.listingNotes, '浅色可能轻微褪色，建议冷水手洗');
    assert.equal(shop.sizeChart?.length, 2);
    const { entries } = (await get<z.infer<typeof ListAuditResponse>>(`/api/v1/audit?targetType=product&targetId=${tee.id}`))
      .body;
    const entry = entries.find((e: { action: string }) => e.action === 'product.updated')!;
    assert.equal(entry.before?.priceFen, 7900);
    assert.equal(entry.after?.priceFen, 8900);
    assert.equal(entry.actor.name, '店长小美');
  });

  it("a product's shipping weight makes the order's parcel weight, for the courier cost", async () => {
    // An order whose lines are all catalogue products, as the owner finds it in a buyer's profile.
    const found = (await allOrders(server.url, owner.token)).find(
      ({ order }) => order.items.length > 0 && order.items.every((item) => item.productId),
    )!;
    const line = { orderId: found.order.id, buyerId: found.buyer.id };
    const orderOf = async () =>
      (await get<CustomerProfile>(`/api/v1/customers/${line.buyerId}`)).body.orders.find(
        (o: { id: string }) => o.id === line.orderId,
      )!;
    const items = found.order.items.map((item) => ({ product_id: item.productId, quantity: item.quantity }));
    for (const item of items)
      assert.equal((await send('PATCH', `/api/v1/products/${item.product_id}`, { weightG: 250 })).status, 200);
    const grams = items.reduce((sum, item) => sum + 250 * Number(item.quantity), 0);
    assert.equal((await orderOf()).weightKg, grams / 1000);
    assert.equal((await get<CatalogueProductResponse>(`/api/v1/products/${items[0]!.product_id}`)).body.product.weightG, 250);
    // One line without a weight: the parcel's weight is unknown rather than too light.
    assert.equal((await send('PATCH', `/api/v1/products/${items[0]!.product_id}`, { weightG: null })).status, 200);
    assert.equal((await orderOf()).weightKg, null);
    assert.equal(
      (await send('PATCH', `/api/v1/products/${items[0]!.product_id}`, { weightG: 0 })).status,
      400,
      'a weight is at least 1 g',
    );
  });

  it('refuses bad input with a clear message and lets only owner and manager edit', async () => {
    const tee = byTitle('纯棉宽松短袖T恤');
    const long = await send<ErrorEnvelope>('PATCH', `/api/v1/products/${tee.id}`, { title: 'x'.repeat(121) });
    assert.equal(long.status, 400);
    assert.equal(long.body.error.code, 'invalid_input');
    assert.equal((await send('PATCH', `/api/v1/products/${tee.id}`, { priceFen: -1 })).status, 400);
    assert.equal(
      (await send('PATCH', `/api/v1/products/${tee.id}`, { sizeChart: [{ size: 'M', heightCm: [170, 160] }] })).status,
      400,
    );
    const denied = await send<ErrorEnvelope>('PATCH', `/api/v1/products/${tee.id}`, { priceFen: 100 }, presale.token);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.message, '没有权限执行此操作');
    assert.equal((await send('POST', `/api/v1/products/${tee.id}/archive`, {}, presale.token)).status, 403);
    assert.equal((await send('POST', '/api/v1/bundles', { title: 'x', priceFen: 1, items: [] }, presale.token)).status, 400);
    const byManager = await send('PATCH', `/api/v1/products/${tee.id}`, { description: '主管改的描述' }, manager.token);
    assert.equal(byManager.status, 200);
    assert.equal(
      (await get<CatalogueProductResponse>(`/api/v1/products/${tee.id}`)).body.product.priceFen,
      8900,
      'the presale edit changed nothing',
    );
  });

  it('adds, edits and removes SKUs; props stay unique per product', async () => {
    const created = await send<CatalogueProductResponse>('POST', '/api/v1/products', {
      title: '测试 亚麻衬衫',
      category: '服饰',
      priceFen: 19900,
      skus: [{ props: { 颜色: '白色', 尺码: 'M' }, priceFen: 19900, stock: 5 }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.product.id;
    const added = await send<CatalogueProductResponse>('POST', `/api/v1/products/${id}/skus`, {
      props: { 颜色: '白色', 尺码: 'L' },
      priceFen: 20900,
      stock: 3,
    });
    assert.equal(added.body.product.skus.length, 2);
    const dup = await send<ErrorEnvelope>('POST', `/api/v1/products/${id}/skus`, {
      props: { 尺码: 'M', 颜色: '白色' },
      priceFen: 1,
      stock: 1,
    });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.message, '该商品已有规格「尺码:M 颜色:白色」');
    const l = added.body.product.skus.find((s) => s.props.尺码 === 'L')!;
    const edited = await send<CatalogueProductResponse>('PATCH', `/api/v1/products/${id}/skus/${l.id}`, { stock: 42 });
    assert.equal(edited.body.product.skus.find((s: { id: string }) => s.id === l.id)?.stock, 42);
    assert.equal(edited.body.product.stockTotal, 47);
    const removed = await send<CatalogueProductResponse>('DELETE', `/api/v1/products/${id}/skus/${l.id}`, undefined);
    assert.equal(removed.body.product.skus.length, 1);
    const actions = (
      await get<z.infer<typeof ListAuditResponse>>(`/api/v1/audit?targetType=product&targetId=${id}`)
    ).body.entries.map((e: { action: string }) => e.action);
    assert.deepEqual(actions.sort(), ['product.created', 'product.sku_added', 'product.sku_removed', 'product.sku_updated']);
  });

  it('archiving hides a product from the shop page and product cards; orders keep their lines; restore brings it back', async () => {
    const scarf = byTitle('真丝印花方巾');
    assert.equal(
      (await send<CatalogueProductResponse>('POST', `/api/v1/products/${scarf.id}/archive`, {})).body.product.archivedAt !== null,
      true,
    );
    const shop = (await get<ListProductsResponse>('/api/v1/shops/demo/products?limit=50')).body.products;
    assert.ok(!shop.some((p: { id: string }) => p.id === scarf.id));
    assert.ok(
      !(await get<ListCatalogueResponse>('/api/v1/products?pageSize=200')).body.products.some(
        (p: { id: string }) => p.id === scarf.id,
      ),
    );
    assert.ok(
      (await get<ListCatalogueResponse>('/api/v1/products?archived=only')).body.products.some(
        (p: { id: string }) => p.id === scarf.id,
      ),
    );
    const conversation = (await get<ListConversationsResponse>('/api/v1/conversations')).body.conversations[0]!;
    const card = await send('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      kind: 'product',
      productId: scarf.id,
      body: '',
      clientMsgId: randomUUID(),
    });
    assert.equal(card.status, 404);
    await send('POST', `/api/v1/products/${scarf.id}/restore`, {});
    const withLine = (await allOrders(server.url, owner.token)).find(({ order }) => order.items.some((item) => item.productId))!;
    const line = { order_id: withLine.order.id, product_id: withLine.order.items.find((item) => item.productId)!.productId };
    await send('POST', `/api/v1/products/${line.product_id}/archive`, {});
    const order = (await get<z.infer<typeof OrderResponse>>(`/api/v1/orders/${line.order_id}`)).body.order;
    assert.ok(
      order.items.some((i: { productId: string }) => i.productId === line.product_id),
      'the order keeps its line',
    );
    await send('POST', `/api/v1/products/${line.product_id}/restore`, {});
    assert.ok(
      (await get<ListProductsResponse>('/api/v1/shops/demo/products?limit=50')).body.products.some(
        (p: { id: string }) => p.id === scarf.id,
      ),
    );
  });

  it('a bundle must cost less than its items bought one by one', async () => {
    const [cleanser, cream] = [byTitle('氨基酸温和洁面乳'), byTitle('护手霜礼盒')];
    const items = [
      { productId: cleanser.id, quantity: 2 },
      { productId: cream.id, quantity: 1 },
    ];
    const sum = cleanser.priceFen * 2 + cream.priceFen;
    const tooDear = await send<ErrorEnvelope>('POST', '/api/v1/bundles', { title: '洁面+护手', priceFen: sum, items });
    assert.equal(tooDear.status, 400);
    assert.equal(tooDear.body.error.code, 'bundle_not_cheaper');
    assert.equal(tooDear.body.error.message, `套餐价 ¥${(sum / 100).toFixed(2)} 须低于单买合计 ¥${(sum / 100).toFixed(2)}`);
    const en = await send<ErrorEnvelope>(
      'POST',
      '/api/v1/bundles',
      { title: '洁面+护手', priceFen: sum + 100, items },
      owner.token,
      'en',
    );
    assert.match(en.body.error.message, /must be below the items bought separately/);
    const ok = await send<z.infer<typeof BundleResponse>>('POST', '/api/v1/bundles', {
      title: '洁面+护手',
      priceFen: sum - 1000,
      items,
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.bundle.itemsTotalFen, sum);
    const repeated = await send<ErrorEnvelope>('POST', '/api/v1/bundles', {
      title: 'x',
      priceFen: 1,
      items: [items[0], items[0]],
    });
    assert.equal(repeated.body.error.code, 'bundle_items_repeated');
    const bundles = (await get<z.infer<typeof ListBundlesResponse>>('/api/v1/bundles', presale.token)).body.bundles;
    assert.ok(
      bundles.some((b: { title: string }) => b.title.startsWith('敏感肌修护组合')),
      'the demo shop has bundles',
    );
    assert.ok(
      (await get<CatalogueProductResponse>(`/api/v1/products/${cream.id}`)).body.product.bundles.some(
        (b: { id: string }) => b.id === ok.body.bundle.id,
      ),
    );
  });

  it('answers which size fits a height and weight, or says none does', async () => {
    const dress = byTitle('法式复古碎花连衣裙');
    const fit = await get<SizeAdviceResponse>(`/api/v1/products/${dress.id}/size-advice?height=160&weight=50`, presale.token);
    assert.deepEqual(fit.body, { size: 'M', fit: 'exact', message: '身高 160cm、体重 50kg，建议选 M 码' });
    const between = (await get<SizeAdviceResponse>(`/api/v1/products/${dress.id}/size-advice?height=160&weight=58`)).body;
    assert.equal(between.size, 'L');
    assert.match(between.message, /建议选大一号：L 码/);
    const none = (await get<SizeAdviceResponse>(`/api/v1/products/${dress.id}/size-advice?height=190&weight=95`)).body;
    assert.deepEqual([none.size, none.fit], [null, 'none']);
    assert.match(none.message, /暂无适合身高 190cm、体重 95kg 的尺码/);
    assert.equal((await get<SizeAdviceResponse>(`/api/v1/products/${dress.id}/size-advice?height=abc&weight=50`)).status, 400);
    const noChart = await get<ErrorEnvelope>(`/api/v1/products/${byTitle('丝绒雾面口红').id}/size-advice?height=160&weight=50`);
    assert.equal(noChart.status, 404);
    assert.equal(noChart.body.error.message, '该商品还没有尺码表');
  });

  it('advises only sizes the product is sold in, and outside them asks for the waist and usual size instead', async () => {
    // Both carry the shop's S–XL chart, but the sweater is sold in S/M/L and the pyjamas in M/L/XL.
    const sweater = byTitle('一字领修身针织毛衣');
    const pyjamas = byTitle('纯棉家居睡衣套装');
    const tall = (await get<SizeAdviceResponse>(`/api/v1/products/${sweater.id}/size-advice?height=173&weight=66`)).body;
    assert.deepEqual([tall.size, tall.fit], [null, 'none'], 'never XL, which the sweater is not sold in');
    assert.doesNotMatch(tall.message, /XL/);
    assert.match(tall.message, /只有 S\/M\/L 码/);
    assert.match(tall.message, /腰围/);
    assert.match(tall.message, /平时穿的尺码/);
    const small = (await get<SizeAdviceResponse>(`/api/v1/products/${pyjamas.id}/size-advice?height=152&weight=42`)).body;
    assert.deepEqual([small.size, small.fit], [null, 'none'], 'never S, which the pyjamas are not sold in');
    assert.match(small.message, /只有 M\/L\/XL 码/);
    const en = (
      await get<SizeAdviceResponse>(`/api/v1/products/${pyjamas.id}/size-advice?height=152&weight=42`, owner.token, 'en')
    ).body;
    assert.match(en.message, /only in M\/L\/XL.*waist.*size usually worn/);
    // Inside the sizes on sale the advice is as before.
    assert.equal(
      (await get<SizeAdviceResponse>(`/api/v1/products/${sweater.id}/size-advice?height=166&weight=56`)).body.size,
      'L',
    );
    assert.equal(
      (await get<SizeAdviceResponse>(`/api/v1/products/${pyjamas.id}/size-advice?height=173&weight=66`)).body.size,
      'XL',
    );
  });

  it('suggests viewed-not-bought first, then related and bundle products, leaving out ordered, archived and sold-out ones', async () => {
    const buyer = await startBuyer(server.url);
    const [cleanser, serum, lipstick, jeans, mask, toner, remover] = [
      '氨基酸温和洁面乳',
      '烟酰胺提亮精华液',
      '丝绒雾面口红',
      '高腰阔腿牛仔裤',
      '玻尿酸补水保湿面膜',
      '修护舒缓爽肤水',
      '温和卸妆水',
    ].map(byTitle);
    for (const product of [jeans, lipstick, serum, cleanser]) {
      assert.equal(
        (await api(server.url, 'POST', '/api/v1/widget/footprints', { token: buyer.token, body: { productId: product!.id } }))
          .status,
        200,
      );
    }
    // The buyer ordered the cleanser (so it is not suggested), viewed the serum, lipstick and jeans.
    // why: orders come from the store, and no API places one for a widget visitor.
    const db = server.app.context.storage.db;
    const shopId = (await shopOf(server.url, owner.token)).id;
    const orderId = randomUUID();
    await db
      .insertInto('orders')
      .values({
        id: orderId,
        shop_id: shopId,
        buyer_id: buyer.buyer.id,
        order_no: `T${Date.now()}`,
        status: 'paid',
        total_fen: cleanser!.priceFen,
        receiver_name: '测试',
        receiver_phone: '13800000000',
        receiver_address: '上海市',
        carrier: null,
        tracking_no: null,
        memo: null,
        placed_at: new Date().toISOString(),
        paid_at: new Date().toISOString(),
        shipped_at: null,
        signed_at: null,
        completed_at: null,
        closed_at: null,
      })
      .execute();
    await db
      .insertInto('order_items')
      .values({
        order_id: orderId,
        product_id: cleanser!.id,
        title: cleanser!.title,
        sku_props: '{}',
        price_fen: cleanser!.priceFen,
        quantity: 1,
      })
      .execute();
    // Jeans sold out, lipstick archived: neither is suggested.
    for (const sku of jeans!.skus) await send('PATCH', `/api/v1/products/${jeans!.id}/skus/${sku.id}`, { stock: 0 });
    await send('POST', `/api/v1/products/${lipstick!.id}/archive`, {});

    const { suggestions } = (await get<SuggestionsResponse>(`/api/v1/customers/${buyer.buyer.id}/suggestions`, presale.token))
      .body;
    const ids = suggestions.map((s: { product: { id: string } }) => s.product.id);
    assert.equal(suggestions[0]?.product.id, serum!.id);
    assert.deepEqual([suggestions[0]?.reason, suggestions[0]?.reasonText], ['viewed_not_bought', '浏览过未购买']);
    const reasonOf = (id: string) => suggestions.find((s: { product: { id: string } }) => s.product.id === id)!;
    assert.deepEqual([reasonOf(mask!.id).reason, reasonOf(mask!.id).reasonText], ['related', `与「${cleanser!.title}」搭配`]);
    assert.equal(reasonOf(toner!.id).reason, 'related');
    assert.equal(reasonOf(remover!.id).reason, 'related', 'a product linking to the cleanser counts too');
    assert.ok(ids.indexOf(mask!.id) < ids.indexOf(byTitle('保湿修护面霜')!.id), 'related to an order before related to a view');
    const handCream = reasonOf(byTitle('护手霜礼盒')!.id);
    assert.equal(handCream.reason, 'bundle');
    assert.match(handCream.reasonText, /同在套餐「洁面\+护手」/);
    for (const left of [cleanser, lipstick, jeans]) assert.ok(!ids.includes(left!.id), `${left!.title} is not suggested`);

    const en = (await get<SuggestionsResponse>(`/api/v1/customers/${buyer.buyer.id}/suggestions`, presale.token, 'en')).body
      .suggestions;
    assert.equal(en[0]?.reasonText, 'Viewed, not bought');

    // The cleanser gets so cheap that 洁面+护手 no longer saves anything: the bundle is not offered any more.
    await send('PATCH', `/api/v1/products/${cleanser!.id}`, { priceFen: 100 });
    const later = (await get<SuggestionsResponse>(`/api/v1/customers/${buyer.buyer.id}/suggestions`, presale.token)).body
      .suggestions;
    const staleOffers = later.filter((s) => s.reason === 'bundle' && s.reasonText.includes('洁面+护手'));
    assert.deepEqual(staleOffers, [], 'a bundle that saves nothing is not offered');
    const stale = (await get<z.infer<typeof ListBundlesResponse>>('/api/v1/bundles', presale.token)).body.bundles.find(
      (b: { title: string }) => b.title === '洁面+护手',
    )!;
    assert.ok(stale.itemsTotalFen <= stale.priceFen, 'the bundle list shows it is no longer cheaper');
    await send('PATCH', `/api/v1/products/${cleanser!.id}`, { priceFen: cleanser!.priceFen });
    await send('POST', `/api/v1/products/${lipstick!.id}/restore`, {});
  });

  it('keeps shops apart', async () => {
    // why: another shop with a product and a buyer, which no API of this shop can make.
    const db = server.app.context.storage.db;
    const now = new Date().toISOString();
    const otherShop = randomUUID();
    const otherProduct = randomUUID();
    const otherBuyer = randomUUID();
    await db
      .insertInto('shops')
      .values({ id: otherShop, slug: `other-${otherShop.slice(0, 8)}`, name: '别家店', created_at: now })
      .execute();
    await db
      .insertInto('products')
      .values({
        id: otherProduct,
        shop_id: otherShop,
        title: '别家的商品',
        category: '其他',
        price_fen: 100,
        image_url: null,
        description: '',
        listing_notes: null,
        size_chart: null,
        created_at: now,
      })
      .execute();
    await db
      .insertInto('buyers')
      .values({
        id: otherBuyer,
        shop_id: otherShop,
        visitor_id: 'v-other',
        nick: '别家买家',
        phone: null,
        province: null,
        city: null,
        vip_level: 0,
        created_at: now,
        last_seen_at: null,
      })
      .execute();
    assert.equal((await get<CatalogueProductResponse>(`/api/v1/products/${otherProduct}`)).status, 404);
    assert.equal((await send('PATCH', `/api/v1/products/${otherProduct}`, { priceFen: 1 })).status, 404);
    assert.equal(
      (await send('PUT', `/api/v1/products/${byTitle('丝绒雾面口红').id}/related`, { productIds: [otherProduct] })).status,
      404,
    );
    assert.equal(
      (
        await send('POST', '/api/v1/bundles', {
          title: 'x',
          priceFen: 1,
          items: [
            { productId: otherProduct, quantity: 1 },
            { productId: byTitle('丝绒').id, quantity: 1 },
          ],
        })
      ).status,
      404,
    );
    assert.equal((await get(`/api/v1/customers/${otherBuyer}/suggestions`)).status, 404);
    assert.ok(
      !(await get<ListCatalogueResponse>('/api/v1/products?pageSize=200')).body.products.some(
        (p: { id: string }) => p.id === otherProduct,
      ),
    );
    const related = await send('PUT', `/api/v1/products/${byTitle('丝绒雾面口红').id}/related`, {
      productIds: [byTitle('纤长卷翘睫毛膏').id],
    });
    assert.equal(related.status, 200);
    assert.equal(
      (await get<CatalogueProductResponse>(`/api/v1/products/${byTitle('纤长卷翘睫毛膏').id}`)).body.product.related[0]
        ?.direction,
      'incoming',
    );
  });
});
