import type { AgentRole } from '@golddesk/contracts';

/**
 * Who may call each HTTP route, written from the route files, their policies and ../shared/DOMAIN.md — as it
 * SHOULD be, not as recorded. route-matrix.test.ts checks it against the OpenAPI document (a new route without
 * a rule here fails) and against what the server answers to every kind of caller.
 *
 * - `public`: no token needed (a token changes nothing).
 * - `signed`: no token; the shop's system signs the body (HMAC) instead.
 * - `buyer`: any widget token; `verified-buyer`: only a buyer the shop signed in (signed identity).
 * - a list of roles: agents of the shop with one of these roles.
 */
export type Access = 'public' | 'signed' | 'buyer' | 'verified-buyer' | readonly AgentRole[];

/** A route whose answer also depends on the object or body (team vs personal phrases, a note's author). */
export interface Rule {
  /** Who reaches the route at all. */
  allow: Access;
  /** Narrower rules for named probes of the route (route-probes.ts sends one request per case). */
  cases: Record<string, Access>;
}

export const AGENT_ROLES: readonly AgentRole[] = ['owner', 'manager', 'presale', 'aftersale', 'support', 'trainee'];

/** Any agent of the shop, 培训生 (trainee: chat and quick replies only) among them: reads, chat, quick replies. */
const AGENTS = AGENT_ROLES;
/** The roles that serve buyers on their own: what every one of them may change (notes, memos, cases …); not trainees. */
const SERVING: readonly AgentRole[] = ['owner', 'manager', 'presale', 'aftersale', 'support'];
/** 店长 and 主管: shop policy, people, money beyond limits, integration. */
const MANAGERS: readonly AgentRole[] = ['owner', 'manager'];
/** Order edits that touch money or end an order: not after-sales (their discount limit is 0). */
const PRICE_AND_CLOSE: readonly AgentRole[] = ['owner', 'manager', 'presale', 'support'];
/** 发货 and 运单号: warehouse-side work; pre-sales does not ship. */
const SHIPPING: readonly AgentRole[] = ['owner', 'manager', 'aftersale', 'support'];
/** 催付 phone/SMS follow-ups: support (辅助) with pre-sales and the managers; not after-sales. */
const REMINDER_WORK: readonly AgentRole[] = ['owner', 'manager', 'presale', 'support'];
/** Imports rewrite the catalogue and orders: managers and support, not the front-line chat roles. */
const IMPORTERS: readonly AgentRole[] = ['owner', 'manager', 'support'];
/** Moving after-sales cases along: after-sales with support and the managers; pre-sales opens and hands over. */
const CASE_WORK: readonly AgentRole[] = ['owner', 'manager', 'aftersale', 'support'];

export const ACCESS: Record<string, Access | Rule> = {
  'GET /healthz': 'public',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/widget/sessions': 'public',
  'POST /api/v1/demo/identity': 'public',
  'GET /api/v1/shops/{slug}': 'public',
  'GET /api/v1/shops/{slug}/products': 'public',
  // Ids are unguessable; buyers and agents both show these images in chat.
  'GET /api/v1/attachments/{id}': 'public',
  'POST /api/v1/integrations/{shop}/events': 'signed',

  'GET /api/v1/widget/messages': 'buyer',
  'POST /api/v1/widget/messages': 'buyer',
  'POST /api/v1/widget/read': 'buyer',
  'POST /api/v1/widget/uploads': 'buyer',
  'POST /api/v1/widget/footprints': 'buyer',
  'GET /api/v1/widget/orders': 'verified-buyer',
  'GET /api/v1/widget/cases': 'verified-buyer',
  'POST /api/v1/widget/cases': 'verified-buyer',
  'POST /api/v1/widget/cases/{id}/return-tracking': 'verified-buyer',
  'POST /api/v1/widget/cases/{id}/evidence': 'verified-buyer',
  'POST /api/v1/widget/cases/{id}/cancel': 'verified-buyer',
  // 满意度: any widget buyer reads their invitation and rates it (the visitor was never invited: refused after auth).
  'GET /api/v1/widget/satisfaction': 'buyer',
  'POST /api/v1/widget/satisfaction': 'buyer',

  'GET /api/v1/me': AGENTS,
  'PUT /api/v1/me/status': AGENTS,
  'POST /api/v1/auth/logout': AGENTS,
  'GET /api/v1/team/agents': AGENTS,
  // The permissions matrix: the owner changes it, managers read it (another shop's role key is unknown: 404).
  'GET /api/v1/team/roles': MANAGERS,
  'POST /api/v1/team/roles': ['owner'],
  'PATCH /api/v1/team/roles/{key}': ['owner'],
  'DELETE /api/v1/team/roles/{key}': ['owner'],
  'POST /api/v1/team/agents': MANAGERS,
  // On a pre-sales colleague (a manager may not change the owner or another manager; nobody disables themselves).
  'PATCH /api/v1/team/agents/{id}': MANAGERS,
  'POST /api/v1/team/agents/{id}/sign-out': MANAGERS,

  'GET /api/v1/conversations': AGENTS,
  'GET /api/v1/conversations/{id}': AGENTS,
  'POST /api/v1/conversations/{id}/read': AGENTS,
  // 接待 a buyer nobody serves: anyone serving; a colleague's buyer is a take-over (接管): the managers'.
  'POST /api/v1/conversations/{id}/assign': { allow: AGENTS, cases: { "a colleague's buyer": MANAGERS } },
  'POST /api/v1/conversations/{id}/close': AGENTS,
  // 转接: anyone serving buyers hands an unserved (or their own) buyer on; a colleague's is the managers' (接管).
  'POST /api/v1/conversations/{id}/transfer': AGENTS,
  'GET /api/v1/conversations/{id}/messages': AGENTS,
  // 邀请评价: whoever serves the buyer (or anyone, while nobody does); on a colleague's buyer, the managers (as 接管).
  'POST /api/v1/conversations/{id}/satisfaction-invitation': { allow: AGENTS, cases: { "a colleague's buyer": MANAGERS } },
  'GET /api/v1/conversations/{id}/satisfaction': AGENTS,
  'GET /api/v1/settings/satisfaction': AGENTS,
  'PUT /api/v1/settings/satisfaction': MANAGERS,
  'POST /api/v1/conversations/{id}/messages': AGENTS,
  'GET /api/v1/search/messages': AGENTS,
  'POST /api/v1/uploads': AGENTS,

  'GET /api/v1/products': AGENTS,
  'GET /api/v1/products/{id}': AGENTS,
  'GET /api/v1/products/{id}/size-advice': AGENTS,
  'POST /api/v1/products': MANAGERS,
  'PATCH /api/v1/products/{id}': MANAGERS,
  'POST /api/v1/products/{id}/archive': MANAGERS,
  'POST /api/v1/products/{id}/restore': MANAGERS,
  'POST /api/v1/products/{id}/skus': MANAGERS,
  'PATCH /api/v1/products/{id}/skus/{skuId}': MANAGERS,
  'DELETE /api/v1/products/{id}/skus/{skuId}': MANAGERS,
  'PUT /api/v1/products/{id}/related': MANAGERS,
  'GET /api/v1/bundles': AGENTS,
  'POST /api/v1/bundles': MANAGERS,
  'PUT /api/v1/bundles/{id}': MANAGERS,
  'DELETE /api/v1/bundles/{id}': MANAGERS,

  'GET /api/v1/customers': AGENTS,
  'GET /api/v1/customers/{buyerId}': AGENTS,
  'GET /api/v1/customers/{buyerId}/suggestions': AGENTS,
  'GET /api/v1/customers/{buyerId}/crm': AGENTS,
  'PUT /api/v1/customers/{buyerId}/type': SERVING,
  'PUT /api/v1/customers/{buyerId}/vip': MANAGERS,
  'PUT /api/v1/customers/{buyerId}/tags': SERVING,
  'POST /api/v1/customers/{buyerId}/notes': SERVING,
  // The probe's note is support1's: its author, the owner and managers may change it.
  'PATCH /api/v1/customers/{buyerId}/notes/{noteId}': {
    allow: SERVING,
    cases: { "support1's note": ['owner', 'manager', 'support'] },
  },
  'DELETE /api/v1/customers/{buyerId}/notes/{noteId}': {
    allow: SERVING,
    cases: { "support1's note": ['owner', 'manager', 'support'] },
  },
  'POST /api/v1/customers/{buyerId}/block': MANAGERS,
  'POST /api/v1/customers/{buyerId}/unblock': MANAGERS,
  'GET /api/v1/customer-tags': AGENTS,
  'POST /api/v1/customer-tags': MANAGERS,
  'PATCH /api/v1/customer-tags/{id}': MANAGERS,
  'DELETE /api/v1/customer-tags/{id}': MANAGERS,
  'GET /api/v1/segments': AGENTS,
  'POST /api/v1/segments': MANAGERS,
  'PUT /api/v1/segments/{id}': MANAGERS,
  'DELETE /api/v1/segments/{id}': MANAGERS,

  'GET /api/v1/orders/{id}': AGENTS,
  'POST /api/v1/orders/{id}/change-price': PRICE_AND_CLOSE,
  'POST /api/v1/orders/{id}/change-receiver': SERVING,
  'POST /api/v1/orders/{id}/change-sku': SERVING,
  'POST /api/v1/orders/{id}/memo': SERVING,
  'POST /api/v1/orders/{id}/close': PRICE_AND_CLOSE,
  'POST /api/v1/orders/{id}/ship': SHIPPING,
  'POST /api/v1/orders/{id}/tracking-number': SHIPPING,
  'GET /api/v1/orders/{id}/tracking': AGENTS,
  'POST /api/v1/orders/{id}/tracking/notes': SERVING,
  'GET /api/v1/approvals': AGENTS,
  'POST /api/v1/cases': SERVING,
  'GET /api/v1/cases': AGENTS,
  'GET /api/v1/cases/{id}': AGENTS,
  'GET /api/v1/cases/figures': MANAGERS,
  'PATCH /api/v1/cases/{id}': SERVING,
  'POST /api/v1/cases/{id}/transitions': CASE_WORK,
  // Goodwill: everyone, within their role's limit (beyond it, a request).
  'POST /api/v1/cases/{id}/compensations': SERVING,
  'POST /api/v1/cases/{id}/evidence-requests': SERVING,
  'POST /api/v1/cases/{id}/guide-steps': SERVING,
  'GET /api/v1/settings/aftersale-policy': AGENTS,
  'PUT /api/v1/settings/aftersale-policy': MANAGERS,
  // 分流: every agent reads the groups (the transfer dialog lists them); the managers change them and watch the monitor.
  'GET /api/v1/settings/routing': AGENTS,
  'PUT /api/v1/settings/routing': MANAGERS,
  'GET /api/v1/monitor': MANAGERS,
  // 绩效: every agent reads their own figures (the server narrows them to the caller); the managers set the targets
  // and rebuild the facts.
  'GET /api/v1/measures': AGENTS,
  'GET /api/v1/measures/distribution': AGENTS,
  'GET /api/v1/measures/satisfaction': AGENTS,
  'GET /api/v1/measures/facts': AGENTS,
  'GET /api/v1/measures/export': AGENTS,
  'GET /api/v1/measures/targets': AGENTS,
  'PUT /api/v1/measures/targets': MANAGERS,
  'POST /api/v1/measures/rebuild': MANAGERS,
  'GET /api/v1/tasks': AGENTS,
  // The probe's task is a warehouse one: those who ship work it.
  'POST /api/v1/tasks/{id}/complete': SHIPPING,
  'GET /api/v1/reviews': AGENTS,
  'GET /api/v1/reviews/weeks': AGENTS,
  // 中差评 follow-ups: after-sales with the managers.
  'POST /api/v1/reviews/{id}/outcome': ['owner', 'manager', 'aftersale'],
  'POST /api/v1/approvals/{id}/approve': MANAGERS,
  'POST /api/v1/approvals/{id}/reject': MANAGERS,
  // Holds receiver phones and addresses before and after changes (issue #8, item 9).
  'GET /api/v1/audit': MANAGERS,

  'GET /api/v1/imports': IMPORTERS,
  'POST /api/v1/imports': IMPORTERS,
  'GET /api/v1/imports/{id}': IMPORTERS,
  'GET /api/v1/integration': MANAGERS,
  'POST /api/v1/integration/rotate': ['owner'],
  'GET /api/v1/integration/events': MANAGERS,
  'GET /api/v1/webhooks': MANAGERS,
  'POST /api/v1/webhooks': MANAGERS,
  'DELETE /api/v1/webhooks/{id}': MANAGERS,
  'GET /api/v1/webhooks/{id}/deliveries': MANAGERS,
  'POST /api/v1/webhooks/{id}/test': MANAGERS,

  'GET /api/v1/logistics/carriers': AGENTS,
  'GET /api/v1/logistics/settings': AGENTS,
  'PUT /api/v1/logistics/settings': MANAGERS,
  'GET /api/v1/logistics/rules': AGENTS,
  'PUT /api/v1/logistics/rules': MANAGERS,
  'GET /api/v1/logistics/quote': AGENTS,
  'GET /api/v1/logistics/exceptions': AGENTS,
  'POST /api/v1/logistics/exceptions/{id}/resolve': SERVING,

  'GET /api/v1/reminders/settings': AGENTS,
  'PUT /api/v1/reminders/settings': MANAGERS,
  'GET /api/v1/reminders/stats': AGENTS,
  'GET /api/v1/reminder-tasks': REMINDER_WORK,
  'POST /api/v1/reminder-tasks/{id}/assign': REMINDER_WORK,
  'POST /api/v1/reminder-tasks/{id}/outcome': REMINDER_WORK,

  'GET /api/v1/broadcasts': AGENTS,
  'GET /api/v1/broadcasts/audience': AGENTS,
  'GET /api/v1/broadcasts/{id}': AGENTS,
  'GET /api/v1/broadcasts/{id}/recipients': AGENTS,
  'POST /api/v1/broadcasts': MANAGERS,
  'PUT /api/v1/broadcasts/{id}': MANAGERS,
  'DELETE /api/v1/broadcasts/{id}': MANAGERS,
  'POST /api/v1/broadcasts/{id}/start': MANAGERS,
  'POST /api/v1/broadcasts/{id}/cancel': MANAGERS,

  'GET /api/v1/promotions': AGENTS,
  'GET /api/v1/promotions/active': AGENTS,
  'POST /api/v1/promotions': MANAGERS,
  'PUT /api/v1/promotions/{id}': MANAGERS,
  'DELETE /api/v1/promotions/{id}': MANAGERS,
  'GET /api/v1/auto-replies': AGENTS,
  'POST /api/v1/auto-replies': MANAGERS,
  'PUT /api/v1/auto-replies/{id}': MANAGERS,
  'DELETE /api/v1/auto-replies/{id}': MANAGERS,
  'POST /api/v1/auto-replies/preview': AGENTS,
  'GET /api/v1/shop-hours': AGENTS,
  'PUT /api/v1/shop-hours': MANAGERS,

  // 质检: every agent reads the rules (the chat box checks replies live) and checks a reply; the managers change them.
  'GET /api/v1/quality/rules': AGENTS,
  'PUT /api/v1/quality/rules': MANAGERS,
  'POST /api/v1/quality/rules/reset': MANAGERS,
  'POST /api/v1/assistant/check-phrasing': AGENTS,
  // 质检 results: managers sample, score and re-inspect; everyone reads the scorecard and their own results (a
  // colleague's: the managers'), and a session they answered last.
  'GET /api/v1/quality/conversations': MANAGERS,
  'GET /api/v1/quality/sessions/{id}': { allow: AGENTS, cases: { "a colleague's session": MANAGERS } },
  'GET /api/v1/quality/mine': { allow: AGENTS, cases: { own: AGENTS, "a colleague's results": MANAGERS } },
  'POST /api/v1/quality/reviews': MANAGERS,
  'GET /api/v1/quality/scorecard': AGENTS,
  'PUT /api/v1/quality/scorecard': MANAGERS,
  'POST /api/v1/quality/reinspect': MANAGERS,

  'GET /api/v1/quick-replies': AGENTS,
  // Personal phrases: any agent; team phrases speak for the shop: owner and managers.
  'POST /api/v1/quick-replies': { allow: AGENTS, cases: { personal: AGENTS, team: MANAGERS } },
  'PATCH /api/v1/quick-replies/{id}': { allow: AGENTS, cases: { 'team phrase': MANAGERS } },
  'DELETE /api/v1/quick-replies/{id}': { allow: AGENTS, cases: { 'team phrase': MANAGERS } },
  'POST /api/v1/quick-replies/{id}/used': AGENTS,
  'GET /api/v1/quick-replies/variables': AGENTS,
  'GET /api/v1/quick-replies/{id}/preview': AGENTS,
  'POST /api/v1/quick-replies/render': AGENTS,
  'GET /api/v1/quick-replies/export': AGENTS,
  'POST /api/v1/quick-replies/import': { allow: AGENTS, cases: { personal: AGENTS, team: MANAGERS } },
};

/** The rule as { allow, cases } whichever way the table wrote it. */
export function ruleOf(route: string): Rule | undefined {
  const entry = ACCESS[route];
  if (entry === undefined) return undefined;
  return typeof entry === 'string' || Array.isArray(entry) ? { allow: entry as Access, cases: {} } : (entry as Rule);
}
