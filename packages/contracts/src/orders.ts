import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { ServerText } from './server-texts.js';
import { OrderView } from './shop.js';

/** 备注 flag colours, as in Qianniu. */
export const MemoFlag = z.enum(['red', 'yellow', 'green', 'blue', 'purple']);
export type MemoFlag = z.infer<typeof MemoFlag>;

/** Every order action carries a client-chosen id: sending it again returns the first answer. */
const RequestId = z.string().min(1).max(64);

export const ChangePriceRequest = z.object({
  requestId: RequestId,
  /** The new total the buyer pays, in fen. */
  newTotalFen: Fen.min(1),
  reason: z.string().max(200).optional(),
});
export const ChangeReceiverRequest = z.object({
  requestId: RequestId,
  name: z.string().min(1).max(32),
  phone: z
    .string()
    .regex(/^[0-9+\- *]{5,20}$/, 'phone number')
    .describe('digits; the masked number as shown (138****1234) keeps the current one'),
  province: z.string().min(2).max(16),
  address: z.string().min(4).max(200).describe('full address after the province: city, district, street'),
});
export const ChangeSkuRequest = z.object({
  requestId: RequestId,
  /** Which line of the order (0-based). */
  itemIndex: z.number().int().min(0),
  skuId: Id,
});
export const SetMemoRequest = z.object({
  requestId: RequestId,
  memo: z.string().max(500),
  flag: MemoFlag.nullable(),
});
export const CloseOrderRequest = z.object({
  requestId: RequestId,
  reason: z.string().min(1).max(200),
});
export type ChangePriceRequest = z.infer<typeof ChangePriceRequest>;
export type ChangeReceiverRequest = z.infer<typeof ChangeReceiverRequest>;
export type ChangeSkuRequest = z.infer<typeof ChangeSkuRequest>;
export type SetMemoRequest = z.infer<typeof SetMemoRequest>;
export type CloseOrderRequest = z.infer<typeof CloseOrderRequest>;

/** cancelled: closed by the system because the order moved on (改价 once paid); the reason is the decision note. */
export const ApprovalStatus = z.enum(['pending', 'approved', 'rejected', 'cancelled']);
export const ApprovalView = z.object({
  id: Id,
  kind: z.enum(['order.change_price', 'case.compensate']),
  status: ApprovalStatus,
  /** The order, also for a request about an after-sales case (the case's order). */
  orderId: Id,
  orderNo: z.string(),
  /** Set when the request is about an after-sales case (goodwill beyond the agent's authority). */
  caseId: Id.nullable().optional(),
  caseNo: z.string().nullable().optional(),
  summary: z.string().describe('what is asked, in Chinese, e.g. 改价 ¥258.00 → ¥199.00（优惠 22.9%）'),
  summaryText: ServerText.nullable().optional().describe('`summary` as a code, for agents reading in English'),
  payload: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  requestedBy: z.object({ id: Id, name: z.string() }),
  decidedBy: z.object({ id: Id, name: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  createdAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

/** An action either took effect, or (改价 beyond the role's limit) became an approval request. */
export const OrderActionResponse = z.discriminatedUnion('result', [
  z.object({ result: z.literal('applied'), order: OrderView }),
  z.object({ result: z.literal('approval_requested'), approval: ApprovalView }),
]);
export type OrderActionResponse = z.infer<typeof OrderActionResponse>;

export const ListApprovalsQuery = z.object({ status: ApprovalStatus.optional() });
export const ListApprovalsResponse = z.object({ approvals: z.array(ApprovalView) });
export const DecideApprovalRequest = z.object({ note: z.string().max(200).optional() });
export const ApprovalResponse = z.object({ approval: ApprovalView, order: OrderView.optional() });

export const AuditEntry = z.object({
  id: Id,
  action: z.string().describe('e.g. order.change_receiver'),
  targetType: z.string(),
  targetId: Id,
  actor: z.object({ kind: z.enum(['agent', 'system', 'integration']), id: z.string().nullable(), name: z.string() }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  createdAt: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const ListAuditQuery = z.object({
  targetType: z.string().max(32).optional(),
  targetId: Id.optional(),
  limit: z.coerce.number().int().min(1).optional(),
});
export const ListAuditResponse = z.object({ entries: z.array(AuditEntry) });

export const OrderResponse = z.object({ order: OrderView });

/** Per-role discount limit for 改价: the largest share of the original total an agent may take off. */
export const DiscountLimits = z.record(z.string(), z.number().min(0).max(1));
