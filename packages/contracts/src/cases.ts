import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { ApprovalView } from './orders.js';
import { ServerText } from './server-texts.js';

/** After-sales (售后) cases: types, states, the policy that judges them, goodwill, evidence and colleague tasks. */

const RequestId = z.string().min(1).max(64);

/** 仅退款, 退货退款, 换货, 发错货/漏发, 质量问题, 物流问题, 价保, 发票, 维修. */
export const CaseType = z.enum([
  'refund_only',
  'return_refund',
  'exchange',
  'wrong_item',
  'quality',
  'logistics',
  'price_protection',
  'invoice',
  'repair',
]);
export type CaseType = z.infer<typeof CaseType>;

/**
 * Every state any type's machine uses; which moves a type allows is the server's transition table
 * (`allowedTransitions` on each case says them). completed, rejected and cancelled are final.
 */
export const CaseState = z.enum([
  'pending', // 待处理
  'awaiting_evidence', // 待买家补充凭证
  'awaiting_return', // 待买家寄回
  'awaiting_receipt', // 待商家收货
  'inspecting', // 质检/处理中
  'awaiting_reship', // 待发货（换货、补发、维修寄回）
  'reshipped', // 已发出，待买家签收
  'awaiting_refund', // 待退款（由店铺系统执行）
  'completed', // 已完成
  'rejected', // 已拒绝
  'cancelled', // 已撤销
]);
export type CaseState = z.infer<typeof CaseState>;

/** Who pays a return parcel. */
export const ReturnShippingPayer = z.enum(['buyer', 'shop']);

/** What the policy says about the request, with the reason in words a buyer reads. */
export const CaseEligibility = z.object({
  eligible: z.boolean(),
  reason: z.string().describe("e.g. 11-02 签收，11-26 申请：已超过 7 天无理由退货期 (in the request's language)"),
  /** `reason` as a code, for readers in the other language (frames carry Chinese). */
  reasonText: ServerText.nullable().optional(),
  /** Which rule decided: no_reason_window, quality_window, not_returnable, disclosed_trait, refund_freeze, … */
  rule: z.string(),
});
export type CaseEligibility = z.infer<typeof CaseEligibility>;

export const CompensationKind = z.enum(['coupon', 'cash', 'free_return_shipping', 'partial_refund']);
export type CompensationKind = z.infer<typeof CompensationKind>;
/** approved: granted by a manager, waiting for the agent to apply it. */
export const CompensationStatus = z.enum(['applied', 'pending_approval', 'approved', 'rejected']);

export const CaseCompensation = z.object({
  id: Id,
  kind: CompensationKind,
  amountFen: Fen,
  status: CompensationStatus,
  approvalId: Id.nullable(),
  requestedBy: z.object({ id: Id, name: z.string() }),
  decisionNote: z.string().nullable(),
  createdAt: IsoDateTime,
  appliedAt: IsoDateTime.nullable(),
});
export type CaseCompensation = z.infer<typeof CaseCompensation>;

/** One step of a case's history: who did what, when. */
export const CaseTimelineEntry = z.object({
  id: Id,
  kind: z.string().describe('opened, transitioned, assigned, compensation_*, evidence_*, task_*, guide_step, note, …'),
  fromState: CaseState.nullable(),
  toState: CaseState.nullable(),
  note: z.string().nullable(),
  actor: z.object({ kind: z.enum(['agent', 'buyer', 'system', 'integration']), id: z.string().nullable(), name: z.string() }),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: IsoDateTime,
});
export type CaseTimelineEntry = z.infer<typeof CaseTimelineEntry>;

/** A photo the case asks for (质量问题: 问题部位, 商品整体, 装箱单, 批次号) and what was uploaded against it. */
export const EvidenceItem = z.object({
  key: z.string(),
  label: z.string().describe('in Chinese, e.g. 问题部位特写'),
  labelEn: z.string(),
  photos: z.array(z.object({ id: Id, url: z.string(), thumbnailUrl: z.string(), uploadedAt: IsoDateTime })),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const CaseEvidence = z.object({
  requested: z.boolean(),
  requestedAt: IsoDateTime.nullable(),
  items: z.array(EvidenceItem),
  /** Keys of the items still without a photo. */
  missing: z.array(z.string()),
});

/** The six steps of handling a complaint, in order. */
export const GuideStep = z.enum(['soothe', 'find_cause', 'state_position', 'solve', 'apologise', 'thank']);
export type GuideStep = z.infer<typeof GuideStep>;

export const CaseView = z.object({
  id: Id,
  caseNo: z.string().describe('short number for people, e.g. SH20261126-0007'),
  type: CaseType,
  state: CaseState,
  orderId: Id,
  orderNo: z.string(),
  /** The order lines concerned (0-based indexes); empty = the whole order. */
  itemIndexes: z.array(z.number().int().min(0)),
  buyerId: Id,
  buyerName: z.string(),
  conversationId: Id.nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  reason: z.string().nullable(),
  /** Refund asked or agreed, in fen (仅退款, 退货退款, 价保). */
  refundFen: Fen.nullable(),
  eligibility: CaseEligibility,
  deadlineAt: IsoDateTime,
  overdue: z.boolean(),
  /** Moves this type's state machine allows from the current state. */
  allowedTransitions: z.array(CaseState),
  /** Where the buyer sends the goods back (退货, 换货, 维修). */
  returnAddress: z.string().nullable(),
  /** Who pays the parcel back (the policy's rule for the type): buyer or shop; null when nothing goes back. */
  returnShippingPaidBy: ReturnShippingPayer.nullable(),
  returnCarrier: z.string().nullable(),
  returnTrackingNo: z.string().nullable(),
  /** The replacement's parcel (换货, 补发, 维修寄回). */
  reshipCarrier: z.string().nullable(),
  reshipTrackingNo: z.string().nullable(),
  compensations: z.array(CaseCompensation),
  evidence: CaseEvidence,
  guide: z.array(z.object({ step: GuideStep, doneAt: IsoDateTime.nullable() })),
  timeline: z.array(CaseTimelineEntry),
  openedBy: z.enum(['agent', 'buyer', 'integration']),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  remindedAt: IsoDateTime.nullable(),
});
export type CaseView = z.infer<typeof CaseView>;

/** A case as its buyer sees it (the widget): no internal notes, assignee or approvals. */
export const BuyerCaseView = z.object({
  id: Id,
  caseNo: z.string(),
  type: CaseType,
  state: CaseState,
  orderId: Id,
  orderNo: z.string(),
  reason: z.string().nullable(),
  refundFen: Fen.nullable(),
  eligibility: CaseEligibility,
  returnAddress: z.string().nullable(),
  returnShippingPaidBy: ReturnShippingPayer.nullable(),
  returnTrackingNo: z.string().nullable(),
  reshipCarrier: z.string().nullable(),
  reshipTrackingNo: z.string().nullable(),
  /** Goodwill given to the buyer (only applied ones). */
  compensations: z.array(z.object({ kind: CompensationKind, amountFen: Fen, appliedAt: IsoDateTime })),
  evidence: CaseEvidence,
  /** Steps the buyer cares about, oldest first. */
  progress: z.array(z.object({ state: CaseState, at: IsoDateTime })),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type BuyerCaseView = z.infer<typeof BuyerCaseView>;

export const OpenCaseRequest = z.object({
  requestId: RequestId,
  type: CaseType,
  orderId: Id,
  conversationId: Id.optional(),
  reason: z.string().max(500).optional(),
  itemIndexes: z.array(z.number().int().min(0).max(99)).max(50).optional(),
  refundFen: Fen.min(0).optional(),
  /** Defaults to the caller. */
  assigneeId: Id.optional(),
});
export type OpenCaseRequest = z.infer<typeof OpenCaseRequest>;
export const CaseResponse = z.object({ case: CaseView });
export type CaseResponse = z.infer<typeof CaseResponse>;
export const ListCasesQuery = z.object({
  state: CaseState.optional(),
  type: CaseType.optional(),
  /** An agent id, or `me`. */
  assignee: z.string().max(64).optional(),
  /** true (or 1): only cases past their deadline and not finished. */
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  buyerId: Id.optional(),
  orderId: Id.optional(),
  /** open: not completed, rejected or cancelled. */
  status: z.enum(['open', 'closed']).optional(),
});
export const ListCasesResponse = z.object({ cases: z.array(CaseView) });
export type ListCasesResponse = z.infer<typeof ListCasesResponse>;

export const TransitionCaseRequest = z.object({
  requestId: RequestId,
  to: CaseState,
  note: z.string().max(500).optional(),
  /** With awaiting_refund: the amount agreed. */
  refundFen: Fen.min(0).optional(),
  /** With reshipped: the replacement's parcel. */
  carrier: z.string().max(32).optional(),
  trackingNo: z.string().max(40).optional(),
});
export type TransitionCaseRequest = z.infer<typeof TransitionCaseRequest>;

export const UpdateCaseRequest = z.object({
  assigneeId: Id.nullable().optional(),
  returnAddress: z.string().max(200).nullable().optional(),
  note: z.string().max(500).optional(),
});

export const CompensateRequest = z.object({
  requestId: RequestId,
  kind: CompensationKind,
  amountFen: Fen.min(1).max(10_000_000),
  note: z.string().max(200).optional(),
  /** Applies a compensation a manager approved (the one click after the decision). */
  approvalId: Id.optional(),
});
export type CompensateRequest = z.infer<typeof CompensateRequest>;

export const MarkGuideStepRequest = z.object({ step: GuideStep, done: z.boolean() });

export const BuyerOpenCaseRequest = z.object({
  requestId: RequestId,
  type: CaseType,
  orderId: Id,
  reason: z.string().min(1).max(500),
  itemIndexes: z.array(z.number().int().min(0).max(99)).max(50).optional(),
  refundFen: Fen.min(0).optional(),
});
export const BuyerCaseResponse = z.object({ case: BuyerCaseView });
export type BuyerCaseResponse = z.infer<typeof BuyerCaseResponse>;
export const BuyerCasesResponse = z.object({ cases: z.array(BuyerCaseView) });
export type BuyerCasesResponse = z.infer<typeof BuyerCasesResponse>;
export const ReturnTrackingRequest = z.object({
  carrier: z.string().min(1).max(32),
  trackingNo: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, 'tracking number'),
});

/** After-sales policy (售后政策) per shop. Dates are China time (Asia/Shanghai). */
export const RefundFreeze = z.object({
  /** First and last day (inclusive) on which refund requests are not accepted, YYYY-MM-DD. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  label: z.string().max(40),
});
export const ProductCaseRule = z.object({
  productId: Id,
  /** e.g. 定制 / 贴身衣物: no no-reason return or exchange. */
  notReturnable: z.boolean(),
  label: z.string().max(40).describe('the reason in words, e.g. 定制商品'),
});
export const AftersalePolicy = z.object({
  /** 7 天无理由: days after signing. */
  noReasonReturnDays: z.number().int().min(0).max(90),
  /** Quality claims (质量问题, 发错货) accepted this many days after signing. */
  qualityDays: z.number().int().min(0).max(365),
  /** Exchanges accepted this many days after signing. */
  exchangeDays: z.number().int().min(0).max(90),
  priceProtectionDays: z.number().int().min(0).max(90),
  repairDays: z.number().int().min(0).max(1095),
  /** Who pays the return parcel, per case type. */
  returnShipping: z.record(z.string(), ReturnShippingPayer),
  refundFreezes: z.array(RefundFreeze).max(20),
  productRules: z.array(ProductCaseRule).max(500),
  /** Hours to resolve, per case type. */
  slaHours: z.record(
    z.string(),
    z
      .number()
      .min(1)
      .max(24 * 30),
  ),
  /** Remind the assignee this many minutes before the deadline. */
  reminderLeadMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** Goodwill an agent gives in one click, in fen, per role; beyond it, a manager approves. */
  compensationLimitsFen: z.record(z.string(), Fen.min(0)),
  returnAddress: z.string().max(200),
  /** Editable phrases per complaint step (inserted into the chat box). */
  guidePhrases: z.record(z.string(), z.array(z.string().max(300)).max(10)),
  /** 好评返现 the shop pays after a good review with a screenshot (0: none); the reviews page states the marketplace's rule. */
  goodReviewCashbackFen: z.number().int().min(0).max(10_000).default(0),
});
export type AftersalePolicy = z.infer<typeof AftersalePolicy>;
export const AftersalePolicyResponse = z.object({ policy: AftersalePolicy });
export type AftersalePolicyResponse = z.infer<typeof AftersalePolicyResponse>;

/** 协同任务: colleagues' work around cases (and 催付 calls), one inbox per person and role. */
export const TaskKind = z.enum([
  'warehouse_ship',
  'finance_refund',
  'finance_compensation',
  'qc_inspect',
  'follow_up_call',
  'review_follow_up',
  // 催付 phone/SMS follow-ups of unpaid orders (payment reminders), shown in the same inbox.
  'payment_call',
]);
export type TaskKind = z.infer<typeof TaskKind>;
export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export const TaskView = z.object({
  id: Id,
  kind: TaskKind,
  status: TaskStatus,
  /** Who works it: a role's inbox (warehouse = 仓库 work by aftersale/support …) and optionally one person. */
  role: z.string(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  title: z.string(),
  /** `title` as a code, for readers in English. */
  titleText: ServerText.nullable().optional(),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  orderId: Id.nullable(),
  orderNo: z.string().nullable(),
  buyerId: Id.nullable(),
  dueAt: IsoDateTime,
  overdue: z.boolean(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: IsoDateTime,
  doneAt: IsoDateTime.nullable(),
  doneBy: z.string().nullable(),
});
export type TaskView = z.infer<typeof TaskView>;
export const ListTasksQuery = z.object({
  /** mine: assigned to me or to my role's inbox; all: the shop's (managers). */
  scope: z.enum(['mine', 'all']).optional(),
  status: TaskStatus.optional(),
  caseId: Id.optional(),
});
export const ListTasksResponse = z.object({ tasks: z.array(TaskView) });
export type ListTasksResponse = z.infer<typeof ListTasksResponse>;
export const CompleteTaskRequest = z.object({
  requestId: RequestId,
  note: z.string().max(500).optional(),
  /** warehouse_ship: the replacement's parcel. */
  carrier: z.string().max(32).optional(),
  trackingNo: z
    .string()
    .regex(/^[A-Za-z0-9-]{6,40}$/, 'tracking number')
    .optional(),
  /** qc_inspect: the finding. */
  finding: z.enum(['defect_confirmed', 'no_defect', 'inconclusive']).optional(),
  /** payment_call: how the call went (已付款, 会付款, 不想要了, 未接通). */
  callOutcome: z.enum(['paid', 'will_pay', 'not_interested', 'no_answer']).optional(),
  /** review_follow_up: how it ended (已修改, 已解释, 未回复, 恶意差评申诉). */
  reviewOutcome: z.enum(['revised', 'explained', 'no_reply', 'appealed']).optional(),
});
export const TaskResponse = z.object({ task: TaskView });
export type TaskResponse = z.infer<typeof TaskResponse>;

/** A shop's policy before it changed anything: the marketplace's usual terms. */
export const DEFAULT_AFTERSALE_POLICY: AftersalePolicy = {
  noReasonReturnDays: 7,
  qualityDays: 30,
  exchangeDays: 15,
  priceProtectionDays: 15,
  repairDays: 365,
  // No-reason returns: the buyer pays the parcel back (运费险 aside); the shop's fault: the shop pays.
  returnShipping: {
    return_refund: 'buyer',
    exchange: 'buyer',
    wrong_item: 'shop',
    quality: 'shop',
    logistics: 'shop',
    repair: 'shop',
  },
  refundFreezes: [],
  productRules: [],
  slaHours: {
    refund_only: 24,
    return_refund: 48,
    exchange: 48,
    wrong_item: 24,
    quality: 24,
    logistics: 24,
    price_protection: 24,
    invoice: 72,
    repair: 72,
  },
  reminderLeadMinutes: 120,
  // 售前 ¥5, 售后 ¥20, 主管 ¥100; the owner answers to nobody.
  compensationLimitsFen: { presale: 500, support: 500, aftersale: 2000, manager: 10000, owner: 100_000_000 },
  returnAddress: '',
  goodReviewCashbackFen: 0,
  guidePhrases: {
    soothe: ['亲，非常理解您现在的心情，给您带来不好的体验真的很抱歉，我马上为您处理。'],
    find_cause: ['亲，麻烦您详细说一下具体情况，方便的话拍几张照片给我看看，我好帮您查明原因。'],
    state_position: ['亲，我们的商品都经过严格检验，如果确实是质量问题，我们一定负责到底。'],
    solve: ['亲，这边为您申请了处理方案，您看这样可以吗？有任何问题随时找我。'],
    apologise: ['亲，再次向您真诚道歉，给您添麻烦了，我们会继续改进。'],
    thank: ['感谢您的理解和支持，祝您生活愉快，有需要随时找我们哦~'],
  },
};

/** Which case types are refunds (closed during a refund freeze such as 11-11). */
export const REFUND_CASE_TYPES: readonly CaseType[] = ['refund_only', 'return_refund', 'price_protection'];

/** The evidence checklist per case type: photos the buyer uploads, one item each. */
export const EVIDENCE_CHECKLISTS: Partial<Record<CaseType, { key: string; label: string; labelEn: string }[]>> = {
  quality: [
    { key: 'affected_area', label: '问题部位特写', labelEn: 'Close-up of the problem' },
    { key: 'whole_product', label: '商品整体', labelEn: 'The whole product' },
    { key: 'packing_list', label: '装箱单/购物清单', labelEn: 'Packing list' },
    { key: 'batch_number', label: '生产批次号', labelEn: 'Batch number' },
  ],
  wrong_item: [
    { key: 'received_item', label: '收到的商品', labelEn: 'The item received' },
    { key: 'shipping_label', label: '快递面单', labelEn: 'Shipping label' },
  ],
  logistics: [
    { key: 'package', label: '外包装', labelEn: 'The package' },
    { key: 'damage', label: '破损部位', labelEn: 'The damage' },
  ],
  repair: [{ key: 'fault', label: '故障部位', labelEn: 'The fault' }],
  exchange: [{ key: 'received_item', label: '收到的商品', labelEn: 'The item received' }],
};

export const FINAL_CASE_STATES: readonly CaseState[] = ['completed', 'rejected', 'cancelled'];

/** Goodwill within the caller's authority is applied at once; beyond it, it becomes a request to a manager. */
export const CompensateResponse = z.discriminatedUnion('result', [
  z.object({ result: z.literal('applied'), case: CaseView }),
  z.object({
    result: z.literal('approval_requested'),
    approval: ApprovalView,
    case: CaseView,
  }),
]);
export type CompensateResponse = z.infer<typeof CompensateResponse>;

/** The buyer attaches a photo they uploaded (POST /api/v1/widget/uploads) to one checklist item. */
export const AttachEvidenceRequest = z.object({ item: z.string().min(1).max(32), attachmentId: Id });

/** The case page's figures over a period (cases opened in it): what managers compare, drawn as charts. */
export const CaseFiguresQuery = z.object({
  /** YYYY-MM-DD (China time), inclusive; default: 30 days ago. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** YYYY-MM-DD (China time), inclusive; default: today. */
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export const CaseFigures = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byType: z.array(z.object({ type: CaseType, open: z.number().int(), closed: z.number().int() })),
  byState: z.array(z.object({ state: CaseState, count: z.number().int() })),
  /** Hours from opening to closing, over closed cases; null when none closed. */
  averageResolveHours: z.number().nullable(),
  /** Share (0…1) of closed cases closed before their deadline; null when none closed. */
  withinSlaShare: z.number().nullable(),
  overdueOpen: z.number().int(),
  /** Refunds agreed on completed cases, in fen. */
  refundFen: Fen,
  /** Goodwill applied, per agent who asked for it. */
  compensationByAgent: z.array(z.object({ agentId: Id, name: z.string(), count: z.number().int(), amountFen: Fen })),
});
export type CaseFigures = z.infer<typeof CaseFigures>;
export const CaseFiguresResponse = z.object({ figures: CaseFigures });
export type CaseFiguresResponse = z.infer<typeof CaseFiguresResponse>;
