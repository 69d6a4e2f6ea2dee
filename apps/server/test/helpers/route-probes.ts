import { randomUUID } from 'node:crypto';
import { DEFAULT_QUALITY_RULES, DEFAULT_QUALITY_SCORECARD } from '@golddesk/contracts';
import { LATER, PNG_1X1, type Fixtures } from './route-fixtures.js';

/** One request of a route's probe; `{param}`s not given come from DEFAULT_IDS. */
export interface Probe {
  /** Names a case of the route's Rule (route-access.ts). */
  case?: string;
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  raw?: { bytes: Buffer | string; type: string };
  /** The body or query names an object of this shop (another shop's owner must get 404/403, as for a path id). */
  foreign?: boolean;
}

/** A week of figures (any range works: an empty one answers too). */
const MEASURE_RANGE = { from: '2026-12-01', to: '2026-12-07' };

/** Which fixture a `{param}` takes, by the path segment before it. */
const DEFAULT_IDS: Record<string, string> = {
  conversations: 'conversation',
  products: 'product',
  skus: 'sku',
  bundles: 'bundle',
  customers: 'crmBuyer',
  notes: 'note',
  'customer-tags': 'tag',
  segments: 'segment',
  orders: 'paidOrder',
  approvals: 'approveMe',
  cases: 'case',
  tasks: 'warehouseTask',
  reviews: 'review',
  imports: 'import',
  exceptions: 'exception',
  'reminder-tasks': 'assignTask',
  broadcasts: 'broadcast',
  promotions: 'promotion',
  'auto-replies': 'autoReply',
  'quick-replies': 'quickReply',
  webhooks: 'webhook',
  attachments: 'attachment',
  agents: 'targetAgent',
  roles: 'role',
  shops: 'slug',
  integrations: 'slug',
};

/** The path with its `{param}`s filled. */
export function fillPath(route: string, f: Fixtures, given: Record<string, string> = {}): string {
  return route.replace(/\{(\w+)\}/g, (_match, name: string, offset: number) => {
    if (given[name]) return given[name]!;
    const before = route.slice(0, offset).split('/').filter(Boolean).at(-1)!;
    const id = f.ids[DEFAULT_IDS[before] ?? ''];
    if (!id) throw new Error(`no fixture for {${name}} in ${route}`);
    return encodeURIComponent(id);
  });
}

/** Routes answered last, in this order: they end sessions or change secrets the others rely on. */
export const LAST_ROUTES = ['POST /api/v1/integration/rotate', 'POST /api/v1/auth/logout'];

const csv = (text: string) => ({ bytes: Buffer.from(text), type: 'text/csv' });
/** Two products of the shop that cost less than the bundle: refused (bundle_not_cheaper) after the role check and the lookup. */
const overpricedBundle = (f: Fixtures) => ({
  title: '矩阵套餐',
  priceFen: 99_999_999,
  items: [
    { productId: f.ids.product, quantity: 1 },
    { productId: f.ids.product2, quantity: 1 },
  ],
});

/**
 * What each route is sent (the same for every principal). Mutations use bodies that pass validation, so the
 * role check is reached, but end harmlessly after it: a state or limit the domain refuses (409/400 from the
 * command), the same values written back, or a throwaway object made for the route. GETs without an entry
 * are sent with their path ids only.
 */
export const PROBES: Record<string, (f: Fixtures) => Probe | Probe[]> = {
  'POST /api/v1/setup': () => ({
    body: { shop: 'matrix', shopName: '矩阵', username: 'matrix', name: '矩阵', password: 'matrix-password' },
  }),
  'POST /api/v1/auth/login': () => ({ body: { shop: 'demo' } }),
  'POST /api/v1/widget/sessions': () => ({ body: { shop: 'demo' } }),
  'POST /api/v1/demo/identity': () => ({ body: { shop: 'demo' } }),
  'POST /api/v1/integrations/{shop}/events': () => ({ raw: { bytes: '{"type":"ping"}', type: 'application/json' } }),

  'POST /api/v1/widget/messages': () => ({ body: { body: '矩阵测试：买家消息', clientMsgId: `matrix-${randomUUID()}` } }),
  'POST /api/v1/widget/read': () => ({ body: { seq: 0 } }),
  'POST /api/v1/widget/uploads': () => ({ raw: { bytes: PNG_1X1, type: 'image/png' } }),
  'POST /api/v1/widget/footprints': (f) => ({ body: { productId: f.ids.product } }),

  // A username the demo shop already has: refused after the role check, before any password is hashed.
  'POST /api/v1/team/agents': () => ({
    body: { username: 'presale1', name: '矩阵新人', role: 'presale', password: 'matrix-new-password' },
  }),
  'PATCH /api/v1/team/agents/{id}': () => ({ body: { disabled: false } }),
  // A name each caller's shop already has after its first call is refused (409) after the capability check.
  'POST /api/v1/team/roles': () => ({ body: { name: '矩阵新角色' } }),
  'PATCH /api/v1/team/roles/{key}': () => ({ body: { limits: { compensationFen: 100 } } }),
  'DELETE /api/v1/team/roles/{key}': (f) => ({ params: { key: f.ids.doomedRole! } }),
  'PUT /api/v1/me/status': () => ({ body: { status: 'online' } }),

  'POST /api/v1/conversations/{id}/read': () => ({ body: { seq: 0 } }),
  'GET /api/v1/conversations/{id}/messages': () => ({ query: { afterSeq: 0 } }),
  'POST /api/v1/conversations/{id}/messages': () => ({ body: { body: '矩阵测试：客服回复', clientMsgId: 'matrix-agent-reply' } }),
  'GET /api/v1/search/messages': () => ({ query: { q: '矩阵' } }),
  'POST /api/v1/uploads': () => ({ raw: { bytes: PNG_1X1, type: 'image/png' } }),

  // Two SKUs with the same props: refused (sku_props_taken) after the role check, nothing created.
  'POST /api/v1/products': () => ({
    body: {
      title: '矩阵测试商品',
      category: '测试',
      priceFen: 100,
      skus: [
        { props: { 颜色: '红' }, priceFen: 100, stock: 1 },
        { props: { 颜色: '红' }, priceFen: 100, stock: 1 },
      ],
    },
  }),
  'PATCH /api/v1/products/{id}': () => ({ body: {} }),
  'POST /api/v1/products/{id}/archive': (f) => ({ params: { id: f.ids.archiveProduct! } }),
  'POST /api/v1/products/{id}/restore': (f) => ({ params: { id: f.ids.restoreProduct! } }),
  'POST /api/v1/products/{id}/skus': (f) => ({ body: f.bodies.existingSku }),
  'PATCH /api/v1/products/{id}/skus/{skuId}': () => ({ body: {} }),
  'DELETE /api/v1/products/{id}/skus/{skuId}': (f) => ({ params: { id: f.ids.skuProduct!, skuId: f.ids.doomedSku! } }),
  'PUT /api/v1/products/{id}/related': (f) => ({ body: { productIds: [f.ids.product] } }),
  'GET /api/v1/products/{id}/size-advice': () => ({ query: { height: 170, weight: 60 } }),
  'POST /api/v1/bundles': (f) => ({ foreign: true, body: overpricedBundle(f) }),
  'PUT /api/v1/bundles/{id}': (f) => ({ body: overpricedBundle(f) }),
  'DELETE /api/v1/bundles/{id}': (f) => ({ params: { id: f.ids.doomedBundle! } }),

  'PUT /api/v1/customers/{buyerId}/type': () => ({ body: { customerType: 'rational' } }),
  'PUT /api/v1/customers/{buyerId}/vip': () => ({ body: { vipLevel: 1 } }),
  'PUT /api/v1/customers/{buyerId}/tags': (f) => ({ body: { tagIds: [f.ids.tag] } }),
  'POST /api/v1/customers/{buyerId}/notes': () => ({ body: { text: '矩阵测试备注' } }),
  'PATCH /api/v1/customers/{buyerId}/notes/{noteId}': () => ({ case: "support1's note", body: { text: '矩阵测试备注（改）' } }),
  'DELETE /api/v1/customers/{buyerId}/notes/{noteId}': (f) => ({
    case: "support1's note",
    params: { noteId: f.ids.doomedNote! },
  }),
  'POST /api/v1/customers/{buyerId}/block': (f) => ({ params: { buyerId: f.ids.blockBuyer! }, body: { reason: '矩阵测试' } }),
  'POST /api/v1/customers/{buyerId}/unblock': (f) => ({ params: { buyerId: f.ids.unblockBuyer! } }),
  'POST /api/v1/customer-tags': () => ({ body: { name: '矩阵标签' } }),
  'PATCH /api/v1/customer-tags/{id}': () => ({ body: {} }),
  'DELETE /api/v1/customer-tags/{id}': (f) => ({ params: { id: f.ids.doomedTag! } }),
  'GET /api/v1/customers': (f) => ({ foreign: true, query: { segmentId: f.ids.segment! } }),
  'POST /api/v1/segments': () => ({ body: { name: '矩阵分群', filter: { vipMin: 5 } } }),
  'PUT /api/v1/segments/{id}': (f) => ({ body: f.bodies.segment }),
  'DELETE /api/v1/segments/{id}': (f) => ({ params: { id: f.ids.doomedSegment! } }),

  // Each order is in a state that refuses the action after the role check (409), except the memo.
  'POST /api/v1/orders/{id}/change-price': () => ({ body: { requestId: 'matrix-price', newTotalFen: 100 } }),
  'POST /api/v1/orders/{id}/change-receiver': (f) => ({
    params: { id: f.ids.shippedOrder! },
    body: { requestId: 'matrix-receiver', name: '矩阵', phone: '13800000000', province: '浙江省', address: '杭州市西湖区' },
  }),
  'POST /api/v1/orders/{id}/change-sku': (f) => ({
    params: { id: f.ids.shippedOrder! },
    body: { requestId: 'matrix-sku', itemIndex: 0, skuId: f.ids.sku },
  }),
  'POST /api/v1/orders/{id}/memo': () => ({ body: { requestId: 'matrix-memo', memo: '矩阵测试', flag: 'blue' } }),
  'POST /api/v1/orders/{id}/close': () => ({ body: { requestId: 'matrix-close', reason: '矩阵测试' } }),
  'POST /api/v1/orders/{id}/ship': (f) => ({
    params: { id: f.ids.shippedOrder! },
    body: { requestId: 'matrix-ship', carrier: 'YTO', trackingNo: 'YT4300000130217' },
  }),
  'POST /api/v1/orders/{id}/tracking-number': () => ({
    body: { requestId: 'matrix-tracking', carrier: 'YTO', trackingNo: 'YT4300000130217' },
  }),
  'GET /api/v1/orders/{id}/tracking': (f) => ({ params: { id: f.ids.shippedOrder! } }),
  'POST /api/v1/orders/{id}/tracking/notes': (f) => ({ params: { id: f.ids.shippedOrder! }, body: { description: '矩阵测试' } }),
  'POST /api/v1/approvals/{id}/approve': () => ({ body: {} }),
  // The fixture case is an open 物流问题 on the shipped order: opening another is refused (one per type and order).
  'POST /api/v1/cases': (f) => ({
    foreign: true,
    body: { requestId: 'matrix-case', type: 'logistics', orderId: f.ids.shippedOrder, reason: '矩阵测试' },
  }),
  'PATCH /api/v1/cases/{id}': () => ({ body: {} }),
  'POST /api/v1/cases/{id}/transitions': () => ({ body: { requestId: 'matrix-transition', to: 'reshipped' } }),
  'POST /api/v1/cases/{id}/compensations': () => ({
    body: { requestId: 'matrix-compensation', kind: 'coupon', amountFen: 100, approvalId: 'matrix-no-approval' },
  }),
  // 发票 asks for no photos: refused after the role check.
  'POST /api/v1/cases/{id}/evidence-requests': (f) => ({ params: { id: f.ids.invoiceCase! }, body: {} }),
  'POST /api/v1/cases/{id}/guide-steps': () => ({ body: { step: 'soothe', done: false } }),
  'PUT /api/v1/settings/aftersale-policy': (f) => ({ body: f.bodies.aftersalePolicy }),
  // 抢单 mode, as the suite's shop has it: the probe changes nothing else.
  'PUT /api/v1/settings/routing': () => ({ body: { autoAssign: false } }),
  'GET /api/v1/measures': () => ({ query: MEASURE_RANGE }),
  'GET /api/v1/measures/distribution': () => ({ query: MEASURE_RANGE }),
  'GET /api/v1/measures/satisfaction': () => ({ query: MEASURE_RANGE }),
  'GET /api/v1/measures/facts': () => ({ query: { ...MEASURE_RANGE, kind: 'turns' } }),
  'GET /api/v1/measures/export': () => ({ query: { ...MEASURE_RANGE, format: 'csv' } }),
  'PUT /api/v1/measures/targets': () => ({
    body: {
      firstResponseSeconds: 30,
      averageResponseSeconds: 60,
      fastShare: 0.8,
      answerRatio: null,
      conversionFinal: null,
      reminderSuccess: null,
      satisfaction: 0.9,
    },
  }),
  'POST /api/v1/measures/rebuild': () => ({ body: {} }),
  'POST /api/v1/conversations/{id}/assign': (f) => ({ case: "a colleague's buyer", params: { id: f.ids.heldConversation! } }),
  'POST /api/v1/conversations/{id}/transfer': (f) => ({
    params: { id: f.ids.transferConversation! },
    body: { toGroup: 'presale', note: '矩阵测试转接' },
  }),
  // A warehouse task without its parcel: refused after the inbox check.
  'POST /api/v1/tasks/{id}/complete': () => ({ body: { requestId: 'matrix-task' } }),
  // Recording the same outcome again only corrects it.
  'POST /api/v1/reviews/{id}/outcome': () => ({ body: { outcome: 'explained', note: '矩阵测试' } }),
  // The verified matrix buyer owns none of these: past authorization, the case or order is not theirs (404).
  'POST /api/v1/widget/cases': (f) => ({
    body: { requestId: 'matrix-widget-case', type: 'logistics', orderId: f.ids.shippedOrder, reason: '矩阵测试' },
  }),
  'POST /api/v1/widget/cases/{id}/return-tracking': () => ({ body: { carrier: '中通快递', trackingNo: 'ZT1234567890' } }),
  'POST /api/v1/widget/cases/{id}/evidence': (f) => ({ body: { item: 'package', attachmentId: f.ids.attachment } }),
  'POST /api/v1/widget/cases/{id}/cancel': () => ({ body: {} }),
  // Neither matrix buyer was invited to rate: refused (satisfaction_not_invited) after the token check.
  'POST /api/v1/widget/satisfaction': () => ({ body: { score: 5, reasons: ['fast_reply'] } }),
  // A colleague answered this buyer: the first manager invites (201), the next is told it was done (409).
  'POST /api/v1/conversations/{id}/satisfaction-invitation': (f) => ({
    case: "a colleague's buyer",
    params: { id: f.ids.ratedConversation! },
  }),
  // The defaults written back.
  'PUT /api/v1/settings/satisfaction': () => ({ body: { enabled: true, idleMinutes: 10 } }),
  'POST /api/v1/approvals/{id}/reject': (f) => ({ params: { id: f.ids.rejectMe! }, body: {} }),

  'POST /api/v1/imports': () => ({ query: { kind: 'products' }, raw: csv('') }),
  // A closed local port, which the SSRF guard refuses anyway: nothing is ever delivered anywhere.
  'POST /api/v1/webhooks': () => ({ body: { url: 'http://127.0.0.1:9/matrix', events: ['order.updated'] } }),
  'DELETE /api/v1/webhooks/{id}': (f) => ({ params: { id: f.ids.doomedWebhook! } }),

  'PUT /api/v1/logistics/settings': (f) => ({ body: f.bodies.logisticsSettings }),
  'PUT /api/v1/logistics/rules': (f) => ({ body: f.bodies.courierRules }),
  'GET /api/v1/logistics/quote': () => ({ query: { province: '浙江', weightKg: 1 } }),
  'POST /api/v1/logistics/exceptions/{id}/resolve': () => ({ body: { note: '矩阵测试' } }),
  'PUT /api/v1/reminders/settings': (f) => ({ body: f.bodies.reminderSettings }),
  'POST /api/v1/reminder-tasks/{id}/outcome': (f) => ({ params: { id: f.ids.outcomeTask! }, body: { outcome: 'no_answer' } }),

  'GET /api/v1/broadcasts/audience': (f) => ({ foreign: true, query: { segmentId: f.ids.segment! } }),
  'POST /api/v1/broadcasts': () => ({ body: { title: '矩阵群发', template: '矩阵测试' } }),
  'PUT /api/v1/broadcasts/{id}': (f) => ({ body: { title: '矩阵群发', template: '矩阵测试', segmentId: f.ids.segment } }),
  'DELETE /api/v1/broadcasts/{id}': (f) => ({ params: { id: f.ids.doomedBroadcast! } }),
  'POST /api/v1/broadcasts/{id}/start': (f) => ({ params: { id: f.ids.startBroadcast! }, body: { scheduledAt: LATER } }),
  'POST /api/v1/broadcasts/{id}/cancel': (f) => ({ params: { id: f.ids.cancelBroadcast! } }),

  'POST /api/v1/promotions': () => ({
    body: { kind: 'other', title: '矩阵活动', startsAt: LATER, endsAt: '2098-01-01T00:00:00.000Z' },
  }),
  'PUT /api/v1/promotions/{id}': (f) => ({ body: f.bodies.promotion }),
  'DELETE /api/v1/promotions/{id}': (f) => ({ params: { id: f.ids.doomedPromotion! } }),
  'POST /api/v1/auto-replies': () => ({ body: { kind: 'keyword', name: '矩阵规则', text: '矩阵测试' } }),
  'PUT /api/v1/auto-replies/{id}': (f) => ({ body: f.bodies.autoReply }),
  'DELETE /api/v1/auto-replies/{id}': (f) => ({ params: { id: f.ids.doomedAutoReply! } }),
  'POST /api/v1/auto-replies/preview': () => ({ body: { text: '亲，欢迎光临{店铺名}' } }),
  'PUT /api/v1/shop-hours': (f) => ({ body: f.bodies.shopHours }),

  // The built-in rules written back (the suite's shop has them); reset leaves a shop on them as it was.
  'PUT /api/v1/quality/rules': () => ({ body: { rules: DEFAULT_QUALITY_RULES } }),
  'POST /api/v1/assistant/check-phrasing': () => ({ body: { text: '不知道，这个不归我管' } }),
  'GET /api/v1/quality/conversations': () => ({ query: { ...MEASURE_RANGE, sample: 'low_score' } }),
  // A session a colleague (none of the callers) answered last.
  'GET /api/v1/quality/sessions/{id}': (f) => ({ case: "a colleague's session", params: { id: f.ids.qualitySession! } }),
  'GET /api/v1/quality/mine': (f) => [
    { case: 'own', query: MEASURE_RANGE },
    { case: "a colleague's results", foreign: true, query: { ...MEASURE_RANGE, agentId: f.ids.qualityAgent! } },
  ],
  // Full marks on the built-in scorecard; each manager's second save replaces their own review.
  'POST /api/v1/quality/reviews': (f) => ({
    foreign: true,
    body: {
      sessionId: f.ids.qualitySession,
      scores: DEFAULT_QUALITY_SCORECARD.items.map((item) => ({ item: item.id, points: item.maxPoints })),
      comment: '矩阵测试',
    },
  }),
  'PUT /api/v1/quality/scorecard': () => ({ body: DEFAULT_QUALITY_SCORECARD }),
  'POST /api/v1/quality/reinspect': () => ({ body: {} }),

  'POST /api/v1/quick-replies': () => [
    { case: 'personal', body: { scope: 'personal', content: '矩阵测试个人短语' } },
    { case: 'team', body: { scope: 'team', content: '矩阵测试团队短语' } },
  ],
  'PATCH /api/v1/quick-replies/{id}': () => ({ case: 'team phrase', body: {} }),
  'DELETE /api/v1/quick-replies/{id}': (f) => ({ case: 'team phrase', params: { id: f.ids.doomedQuickReply! } }),
  'GET /api/v1/quick-replies/variables': (f) => ({ foreign: true, query: { conversationId: f.ids.conversation! } }),
  'GET /api/v1/quick-replies/{id}/preview': (f) => ({ query: { conversationId: f.ids.conversation! } }),
  'POST /api/v1/quick-replies/render': (f) => ({
    foreign: true,
    body: { content: '{买家昵称}', conversationId: f.ids.conversation },
  }),
  'POST /api/v1/quick-replies/import': () => [
    { case: 'personal', query: { scope: 'personal' }, raw: csv('') },
    { case: 'team', query: { scope: 'team' }, raw: csv('') },
  ],
};
