import { randomUUID } from 'node:crypto';
import type {
  AftersalePolicyResponse,
  AgentRole,
  CaseResponse,
  ListTasksResponse,
  AutoReplyResponse,
  BroadcastResponse,
  CatalogueProductResponse,
  CourierRulesResponse,
  DemoIdentityResponse,
  LogisticsSettingsResponse,
  MeResponse,
  NoteResponse,
  OrderActionResponse,
  PaymentReminderSettingsResponse,
  PromotionResponse,
  QuickReplyResponse,
  RoleResponse,
  SegmentResponse,
  ShopHoursResponse,
  TagResponse,
  UploadResponse,
  WidgetSessionResponse,
} from '@golddesk/contracts';
import { createSigner } from 'fast-jwt';
import type { z } from 'zod';
import { newId } from '../../src/platform/ids.js';
import { api, buyerSays, loginAgent, startBuyer } from './clients.js';
import { addOtherShop } from './other-shop.js';
import type { TestServer } from './test-server.js';

/** Everyone the route matrix calls with: no token, a forged one, two buyers, another shop's owner, each role. */
export interface Principals {
  none: undefined;
  forged: string;
  /** An anonymous widget visitor. */
  visitor: string;
  /** A buyer the shop signed in (demo identity). */
  buyer: string;
  otherOwner: string;
  roles: Record<AgentRole, string>;
}

/** Ids of this (demo) shop's objects the probes reach, and settings bodies read back unchanged. */
export interface Fixtures {
  principals: Principals;
  ids: Record<string, string>;
  bodies: Record<string, unknown>;
  /** Every id of the demo shop a response to another shop's owner must never contain. */
  sentinels: string[];
}

/** A valid 1×1 PNG, for uploads. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A time no test clock reaches: scheduled things stay scheduled. */
export const LATER = '2099-01-01T00:00:00.000Z';
const MANAGER_PASSWORD = 'matrix-manager-password';

/** Starts from a fresh demo shop: signs everyone in and makes the throwaway objects the probes use (in parallel). */
export async function prepareFixtures(server: TestServer): Promise<Fixtures> {
  const base = server.url;
  const db = server.app.context.storage.db;
  const at = server.app.context.now().toISOString();
  const owner = (await loginAgent(base, 'owner')).token;
  const me = (await api<MeResponse>(base, 'GET', '/api/v1/me', { token: owner })).body;
  const shop = { id: me.shop.id };
  const ownerRow = { id: me.agent.id };
  const asOwner = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await api<T>(base, method, path, { token: owner, body });
    if (response.status >= 300) throw new Error(`fixture ${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const manager1 = async () => {
    await asOwner('POST', '/api/v1/team/agents', {
      username: 'manager1',
      name: '主管小王',
      role: 'manager',
      password: MANAGER_PASSWORD,
    });
    return loginAgent(base, 'manager1', MANAGER_PASSWORD);
  };
  // 培训生: a built-in role with chat and quick replies only; every route that needs more must refuse them.
  const trainee1 = async () => {
    await asOwner('POST', '/api/v1/team/agents', {
      username: 'trainee1',
      name: '培训生小林',
      role: 'trainee',
      password: MANAGER_PASSWORD,
    });
    return loginAgent(base, 'trainee1', MANAGER_PASSWORD);
  };
  const verifiedBuyer = async () => {
    const signed = await api<DemoIdentityResponse>(base, 'POST', '/api/v1/demo/identity', { body: { shop: 'demo' } });
    const session = await api<WidgetSessionResponse>(base, 'POST', '/api/v1/widget/sessions', {
      body: { shop: 'demo', visitorId: `matrix-${randomUUID()}`, identity: signed.body.identity },
    });
    if (session.status !== 200 || !session.body.buyer.verified)
      throw new Error(`verified buyer: ${JSON.stringify(session.body)}`);
    return session.body;
  };
  // The colleague PATCH and sign-out act on never signs in: straight into the table, no password to hash.
  const targetAgent = newId();
  await db
    .insertInto('agents')
    .values({
      id: targetAgent,
      shop_id: shop.id,
      username: 'matrix-target',
      name: '矩阵目标',
      role: 'presale',
      password_hash: 'none',
      created_at: at,
    })
    .execute();
  const [manager, trainee, presale, aftersale, support, visitor, verified, other] = await Promise.all([
    manager1(),
    trainee1(),
    loginAgent(base, 'presale1'),
    loginAgent(base, 'aftersale1'),
    loginAgent(base, 'support1'),
    startBuyer(base),
    verifiedBuyer(),
    addOtherShop(server),
  ]);

  // Seeded objects: buyers other than the two principals, orders by state, a product with SKUs.
  // why: the probes need a fixed, varied pick of every kind of object (the first by id, skipping some), read in one
  // place from the tables rather than through the very routes the matrix probes.
  const taken = [visitor.buyer.id, verified.buyer.id];
  const buyers = (
    await db.selectFrom('buyers').select('id').where('shop_id', '=', shop.id).where('id', 'not in', taken).orderBy('id').execute()
  ).map((b) => b.id);
  const [crmBuyer, blockBuyer, unblockBuyer] = buyers as [string, string, string];
  const conversation = await db
    .selectFrom('conversations')
    .select('id')
    .where('shop_id', '=', shop.id)
    .where('buyer_id', 'not in', [...taken, blockBuyer, unblockBuyer])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const orderIn = (status: string, skip = 0) =>
    db
      .selectFrom('orders')
      .select(['id', 'total_fen'])
      .where('shop_id', '=', shop.id)
      .where('status', '=', status)
      .orderBy('id')
      .offset(skip)
      .limit(1)
      .executeTakeFirstOrThrow();
  const [paidOrder, shippedOrder, pendingA, pendingB] = await Promise.all([
    orderIn('paid'),
    orderIn('shipped'),
    orderIn('pending_payment', 1),
    orderIn('pending_payment', 2),
  ]);
  const sku = await db
    .selectFrom('product_skus')
    .select(['id', 'product_id', 'props'])
    .where('shop_id', '=', shop.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const product2 = await db
    .selectFrom('products')
    .select('id')
    .where('shop_id', '=', shop.id)
    .where('id', '!=', sku.product_id)
    .where('archived_at', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const tasks = await db
    .selectFrom('reminder_tasks')
    .select('id')
    .where('shop_id', '=', shop.id)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  const exception = await db
    .selectFrom('logistics_exceptions')
    .select('id')
    .where('shop_id', '=', shop.id)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  const [bundle, doomedBundle] = await db
    .selectFrom('bundles')
    .select('id')
    .where('shop_id', '=', shop.id)
    .orderBy('id')
    .execute();
  const tag = await db
    .selectFrom('customer_tags')
    .select('id')
    .where('shop_id', '=', shop.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const segment = await db
    .selectFrom('segments')
    .select(['id', 'name', 'filter_json'])
    .where('shop_id', '=', shop.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();

  // Throwaway objects, one per destructive route.
  const product = async (body: object = {}) =>
    (
      await asOwner<CatalogueProductResponse>('POST', '/api/v1/products', {
        title: '矩阵测试商品',
        category: '测试',
        priceFen: 100,
        ...body,
      })
    ).product;
  const archived = async () => {
    const { id } = await product();
    await asOwner('POST', `/api/v1/products/${id}/archive`);
    return id as string;
  };
  const note = async () =>
    (
      await api<z.infer<typeof NoteResponse>>(base, 'POST', `/api/v1/customers/${crmBuyer}/notes`, {
        token: support.token,
        body: { text: '矩阵测试：辅助的备注' },
      })
    ).body.note.id;
  const broadcast = async () =>
    (
      await asOwner<z.infer<typeof BroadcastResponse>>('POST', '/api/v1/broadcasts', {
        title: '矩阵群发',
        template: '矩阵测试',
        segmentId: segment.id,
      })
    ).broadcast.id;
  const promotion = { kind: 'other', title: '矩阵活动', note: '', startsAt: '2098-01-01T00:00:00.000Z', endsAt: LATER };
  const autoReply = { kind: 'keyword', name: '矩阵规则', keywords: ['矩阵测试关键词'], text: '矩阵测试' };
  const teamPhrase = async () =>
    (
      await asOwner<z.infer<typeof QuickReplyResponse>>('POST', '/api/v1/quick-replies', {
        scope: 'team',
        content: '矩阵测试团队短语',
      })
    ).quickReply.id;
  const approval = async (order: { id: string; total_fen: number }, requestId: string) => {
    const response = await api<Extract<OrderActionResponse, { result: 'approval_requested' }>>(
      base,
      'POST',
      `/api/v1/orders/${order.id}/change-price`,
      {
        token: presale.token,
        body: { requestId, newTotalFen: Math.max(1, Math.floor(Number(order.total_fen) / 2)), reason: '矩阵测试' },
      },
    );
    if (response.status !== 202) throw new Error(`approval fixture: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.approval.id as string;
  };
  // Webhooks straight into the table (to a closed local port): creating them through the API would deliver.
  const webhook = async () => {
    const id = newId();
    await db
      .insertInto('webhooks')
      .values({
        id,
        shop_id: shop.id,
        url: 'http://127.0.0.1:9/matrix',
        secret: `whsec_${randomUUID()}`,
        events: '["order.updated"]',
        active: 1,
        created_at: at,
      })
      .execute();
    return id;
  };
  const finishedImport = async () => {
    const id = newId();
    await db
      .insertInto('imports')
      .values({
        id,
        shop_id: shop.id,
        kind: 'products',
        status: 'done',
        file_name: 'matrix.csv',
        language: 'zh-CN',
        total: 0,
        processed: 0,
        imported: 0,
        failed: 0,
        created_count: 0,
        updated_count: 0,
        unchanged_count: 0,
        errors_json: '[]',
        failure_reason: null,
        created_by: ownerRow.id,
        created_by_name: '店长',
        created_at: at,
        updated_at: at,
        finished_at: at,
      })
      .execute();
    return id;
  };
  /** Runs the makers at once; answers their results by name. */
  const all = async <M extends Record<string, () => Promise<unknown>>>(makers: M) =>
    Object.fromEntries(await Promise.all(Object.entries(makers).map(async ([name, make]) => [name, await make()] as const))) as {
      [K in keyof M]: Awaited<ReturnType<M[K]>>;
    };
  const skuProduct = () =>
    product({
      skus: [
        { props: { 颜色: '红' }, priceFen: 100, stock: 1 },
        { props: { 颜色: '蓝' }, priceFen: 100, stock: 1 },
      ],
    });
  const [made, settings] = await Promise.all([
    all({
      archiveProduct: async () => (await product()).id,
      restoreProduct: archived,
      skuProduct: async () => (await skuProduct()).id,
      note,
      doomedNote: note,
      doomedTag: async () =>
        (await asOwner<z.infer<typeof TagResponse>>('POST', '/api/v1/customer-tags', { name: '矩阵待删' })).tag.id,
      doomedSegment: async () =>
        (await asOwner<z.infer<typeof SegmentResponse>>('POST', '/api/v1/segments', { name: '矩阵待删', filter: { vipMin: 5 } }))
          .segment.id,
      approveMe: () => approval(pendingA, 'matrix-fixture-a'),
      rejectMe: () => approval(pendingB, 'matrix-fixture-b'),
      import: finishedImport,
      broadcast,
      doomedBroadcast: broadcast,
      startBroadcast: broadcast,
      cancelBroadcast: broadcast,
      promotion: async () =>
        (await asOwner<z.infer<typeof PromotionResponse>>('POST', '/api/v1/promotions', promotion)).promotion.id,
      doomedPromotion: async () =>
        (await asOwner<z.infer<typeof PromotionResponse>>('POST', '/api/v1/promotions', promotion)).promotion.id,
      autoReply: async () =>
        (await asOwner<z.infer<typeof AutoReplyResponse>>('POST', '/api/v1/auto-replies', autoReply)).rule.id,
      doomedAutoReply: async () =>
        (
          await asOwner<z.infer<typeof AutoReplyResponse>>('POST', '/api/v1/auto-replies', {
            ...autoReply,
            keywords: ['矩阵待删'],
          })
        ).rule.id,
      quickReply: teamPhrase,
      doomedQuickReply: teamPhrase,
      role: async () => (await asOwner<RoleResponse>('POST', '/api/v1/team/roles', { name: '矩阵角色' })).role.key,
      doomedRole: async () => (await asOwner<RoleResponse>('POST', '/api/v1/team/roles', { name: '矩阵待删角色' })).role.key,
      webhook,
      doomedWebhook: webhook,
      attachment: async () =>
        (
          await api<UploadResponse>(base, 'POST', '/api/v1/uploads', {
            token: owner,
            raw: PNG_1X1,
            headers: { 'content-type': 'image/png' },
          })
        ).body.attachment.id,
    }),
    // Settings are written back unchanged by the PUT probes.
    all({
      logisticsSettings: async () =>
        (await asOwner<z.infer<typeof LogisticsSettingsResponse>>('GET', '/api/v1/logistics/settings')).settings,
      courierRules: async () => ({
        rules: (await asOwner<z.infer<typeof CourierRulesResponse>>('GET', '/api/v1/logistics/rules')).rules,
      }),
      reminderSettings: async () =>
        (await asOwner<z.infer<typeof PaymentReminderSettingsResponse>>('GET', '/api/v1/reminders/settings')).settings,
      shopHours: async () => (await asOwner<z.infer<typeof ShopHoursResponse>>('GET', '/api/v1/shop-hours')).hours,
    }),
    asOwner('POST', `/api/v1/customers/${unblockBuyer}/block`, { reason: '矩阵测试' }),
  ]);
  // After-sales: an open 物流问题 case, a 发票 case (no photos to ask for), and a warehouse task of a 发错货 case.
  const openMatrixCase = async (type: string) =>
    (
      await asOwner<CaseResponse>('POST', '/api/v1/cases', {
        requestId: `matrix-fixture-${type}`,
        type,
        orderId: shippedOrder.id,
        reason: '矩阵测试',
      })
    ).case.id;
  const [matrixCase, invoiceCase, wrongItemCase] = await Promise.all(['logistics', 'invoice', 'wrong_item'].map(openMatrixCase));
  await asOwner('POST', `/api/v1/cases/${wrongItemCase}/transitions`, {
    requestId: 'matrix-fixture-reship',
    to: 'awaiting_reship',
  });
  const warehouseTask = (await asOwner<ListTasksResponse>('GET', `/api/v1/tasks?caseId=${wrongItemCase}`)).tasks.find(
    (t) => t.kind === 'warehouse_ship',
  )!.id;
  // why: reviews arrive only from the shop's signed system or an import file; one row is enough for the probes.
  const review = newId();
  await db
    .insertInto('reviews')
    .values({
      id: review,
      shop_id: shop.id,
      external_id: 'matrix-review',
      order_no: 'MATRIX-1',
      order_id: null,
      buyer_id: null,
      rating: 1,
      text: '矩阵测试差评',
      pictures_json: '[]',
      reviewed_at: at,
      received_at: at,
      task_id: null,
      outcome: null,
      outcome_note: null,
      outcome_at: null,
      outcome_by: null,
    })
    .execute();
  const aftersalePolicy = (await asOwner<AftersalePolicyResponse>('GET', '/api/v1/settings/aftersale-policy')).policy;
  const doomedSku = await db
    .selectFrom('product_skus')
    .select('id')
    .where('product_id', '=', made.skuProduct)
    .orderBy('id')
    .executeTakeFirstOrThrow();

  // A buyer nobody serves, for 转接: each caller hands them to a group, so they stay unserved for the next one.
  const handedOver = await startBuyer(base);
  await buyerSays(base, handedOver.token, '矩阵测试：待转接的买家');
  // A buyer a colleague serves (an agent none of the callers is), for 接待: taking them is a take-over (接管), and after a
  // manager took them they are still a colleague's to everyone else. No other probe touches this conversation.
  // why: written to the tables, since the routes that would do it are the ones being probed.
  const held = await startBuyer(base);
  await buyerSays(base, held.token, '矩阵测试：同事接待中的买家');
  const holder = newId();
  await db
    .insertInto('agents')
    .values({
      id: holder,
      shop_id: shop.id,
      username: 'matrix-holder',
      name: '矩阵同事',
      role: 'presale',
      password_hash: 'x',
      created_at: new Date().toISOString(),
    })
    .execute();
  await db.updateTable('conversations').set({ assignee_id: holder }).where('id', '=', held.conversation.id).execute();
  // A buyer the same colleague answered, for 邀请评价 (on a colleague's buyer: the managers'). The owner's reply stands in
  // for the colleague's, who never signs in; no other probe touches this conversation.
  const answered = await startBuyer(base);
  await buyerSays(base, answered.token, '矩阵测试：请邀请我评价');
  await asOwner('POST', `/api/v1/conversations/${answered.conversation.id}/messages`, {
    body: '矩阵测试：客服已回复',
    clientMsgId: `matrix-${randomUUID()}`,
  });
  await db.updateTable('conversations').set({ assignee_id: holder }).where('id', '=', answered.conversation.id).execute();
  // A 质检 session the same colleague answered last, for reading and scoring it; its conversation is made up (no
  // messages), so no relayed message ever folds into it.
  // why: written to the table, since sessions come only from relayed messages.
  const qualityConversation = newId();
  const qualitySession = `${qualityConversation}.1`;
  await db
    .insertInto('quality_sessions')
    .values({
      id: qualitySession,
      shop_id: shop.id,
      conversation_id: qualityConversation,
      buyer_id: crmBuyer,
      service_key: 'from:1',
      start_seq: 1,
      last_seq: 2,
      started_at: at,
      last_at: at,
      ended_at: null,
      closed: 0,
      day: at.slice(0, 10),
      agent_id: holder,
      replies: 1,
      waiting_since: null,
      last_reply_id: null,
      last_reply_length: 0,
      last_reply_quote: '',
      closing_rules: null,
      hit_count: 0,
      points: 0,
      score: 100,
    })
    .execute();

  const ids: Record<string, string> = {
    ...(made as Record<string, string>),
    slug: 'demo',
    conversation: conversation.id,
    transferConversation: handedOver.conversation.id,
    heldConversation: held.conversation.id,
    ratedConversation: answered.conversation.id,
    qualitySession,
    qualityAgent: holder,
    crmBuyer,
    blockBuyer,
    unblockBuyer,
    product: sku.product_id,
    sku: sku.id,
    product2: product2.id,
    doomedSku: doomedSku.id,
    bundle: bundle!.id,
    doomedBundle: doomedBundle!.id,
    tag: tag.id,
    segment: segment.id,
    paidOrder: paidOrder.id,
    shippedOrder: shippedOrder.id,
    exception: exception.id,
    assignTask: tasks[0]!.id,
    case: matrixCase!,
    invoiceCase: invoiceCase!,
    warehouseTask,
    review,
    outcomeTask: tasks[1]!.id,
    targetAgent,
  };
  const bodies: Record<string, unknown> = {
    ...settings,
    aftersalePolicy,
    existingSku: { props: JSON.parse(sku.props) as Record<string, string>, priceFen: 100, stock: 1 },
    segment: { name: segment.name, filter: JSON.parse(segment.filter_json) as object },
    promotion,
    autoReply,
  };

  const ofShop = async (table: 'buyers' | 'conversations' | 'orders' | 'products' | 'agents') =>
    (await db.selectFrom(table).select('id').where('shop_id', '=', shop.id).execute()).map((row) => row.id);
  const sentinels = [
    shop.id,
    ...Object.values(ids).filter((id) => id !== 'demo'),
    ...(await Promise.all((['buyers', 'conversations', 'orders', 'products', 'agents'] as const).map(ofShop))).flat(),
  ];
  return {
    principals: {
      none: undefined,
      forged: createSigner({ key: 'not-the-server-secret-not-the-server-secret', algorithm: 'HS256', expiresIn: 3_600_000 })({
        kind: 'agent',
        shopId: shop.id,
        agentId: ownerRow.id,
        role: 'owner',
        name: '店长',
      }),
      visitor: visitor.token,
      buyer: verified.token,
      otherOwner: other.owner.token,
      roles: {
        owner,
        manager: manager.token,
        presale: presale.token,
        aftersale: aftersale.token,
        support: support.token,
        trainee: trainee.token,
      },
    },
    ids,
    bodies,
    sentinels: [...new Set(sentinels)],
  };
}
