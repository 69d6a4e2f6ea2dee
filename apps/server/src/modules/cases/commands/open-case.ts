import { can, chinaTimeOf, EVIDENCE_CHECKLISTS, serverText, type CaseType } from '@golddesk/contracts';
import { inTransaction, type CommandContext, type TransactionalContext } from '../../../platform/app-context.js';
import { findIdempotentAnswer, requestFingerprint, storeIdempotentAnswer } from '../../../platform/db/idempotency.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Principal } from '../../../platform/security/tokens.js';
import { findAgent } from '../../auth/index.js';
import { ensureBuyerConversation } from '../../conversations/index.js';
import { createTask } from '../../tasks/index.js';
import { applyCaseChange, caseActorOf, type CaseActor, type CaseWrite } from '../case-change.js';
import { nextMorning } from '../case-moves.js';
import { assertNoRefundFreeze, caseDeadline, eligibilityOf, judgeEligibility, readAftersalePolicy } from '../case.policy.js';
import {
  findCase,
  findCaseRecord,
  findOpenCaseOfOrder,
  findOrderFacts,
  type CaseOrder,
  insertCase,
  type CaseRecord,
} from '../case.repository.js';

export interface OpenCaseProps {
  /** The client's id for this request: the same again returns the same case. */
  requestId: string;
  type: CaseType;
  orderId: string;
  /** The buyer's words (why), shown on the case; the policy reads it (褪色 against the listing's notes). */
  reason?: string;
  /** The order lines concerned (0-based); none = the whole order. */
  itemIndexes?: number[];
  /** The refund the buyer asks for, in fen. */
  refundFen?: number;
  /** Agents only: who works the case (default: the agent opening it). */
  assigneeId?: string;
}

/**
 * Opens an after-sales case on an order: by an agent (from the chat or the order) or the buyer (widget 申请售后); the
 * same requestId again returns the same case. See createCase for what opening does.
 */
export async function openCase(ctx: CommandContext<Principal>, props: OpenCaseProps): Promise<CaseRecord> {
  const { app, actor } = ctx;
  if (actor.kind === 'agent' && !can(actor, 'cases.open')) throw new AppError('forbidden');
  const key = `case-open:${props.requestId}`;
  // The opener is part of what was asked: another buyer's requestId is refused, never answered with their case.
  const fingerprint = requestFingerprint({ ...props, by: actor.kind === 'agent' ? actor.agentId : actor.buyerId });
  const answered = await findIdempotentAnswer<{ caseId: string }>(app.storage.db, actor.shopId, key, fingerprint);
  if (answered) return (await findCaseRecord(app.storage.db, actor.shopId, answered.caseId))!;

  return inTransaction(ctx, async (inner) => {
    const { trx } = inner.transaction;
    const facts = await findOrderFacts(trx, actor.shopId, props.orderId);
    // A buyer's own orders only; another buyer's order is as unknown as a missing one.
    if (!facts || (actor.kind === 'buyer' && facts.order.buyer_id !== actor.buyerId)) {
      throw new AppError('not_found', { thing: 'order' });
    }
    const opener: Opener =
      actor.kind === 'agent'
        ? { kind: 'agent', assignee: await assigneeFor(inner, props.assigneeId), actor: caseActorOf(actor) }
        : { kind: 'buyer', actor: caseActorOf(actor) };
    const record = await createCase(inner, { shopId: actor.shopId, opener, facts, props });
    await storeIdempotentAnswer(trx, {
      shopId: actor.shopId,
      key,
      fingerprint,
      answer: { caseId: record.row.id },
      at: app.now().toISOString(),
    });
    return record;
  });
}

/** Who opens a case, and who works it from the start. */
export type Opener =
  | { kind: 'agent'; actor: CaseActor; assignee: { id: string; name: string } }
  | { kind: 'buyer' | 'integration'; actor: CaseActor };

/**
 * Writes a new case in the caller's transaction. The policy judges it at once (eligibility with its reason; refund
 * requests on freeze days are refused and nothing is stored), the deadline follows the type's SLA, a 质量问题 brings the
 * manager's next-day call, and the buyer reads in the chat that it was received.
 */
export async function createCase(
  ctx: CaseWrite,
  input: { shopId: string; opener: Opener; facts: CaseOrder; props: Omit<OpenCaseProps, 'requestId' | 'assigneeId' | 'orderId'> },
): Promise<CaseRecord> {
  const { app, transaction } = ctx;
  const { trx } = transaction;
  const { shopId, opener, facts, props } = input;
  const now = app.now();
  const at = now.toISOString();
  const indexes = [...new Set(props.itemIndexes ?? [])].sort((a, b) => a - b);
  if (indexes.some((i) => i >= facts.lines.length)) {
    throw new AppError('invalid_input', { detail: `itemIndexes: the order has ${facts.lines.length} line(s)` });
  }
  const policy = await readAftersalePolicy(trx, shopId);
  assertNoRefundFreeze(policy, props.type, now);
  const open = await findOpenCaseOfOrder(trx, shopId, facts.order.id, props.type);
  if (open) {
    throw new AppError('case_open_for_order', {
      orderNo: facts.order.order_no,
      caseNo: open.case_no,
      type: props.type,
      typeEn: props.type.replaceAll('_', ' '),
    });
  }
  const lines = indexes.length ? indexes.map((i) => facts.lines[i]!) : facts.lines;
  const verdict = judgeEligibility({
    policy,
    type: props.type,
    reason: props.reason ?? null,
    order: {
      status: facts.order.status,
      paidAt: facts.order.paid_at,
      shippedAt: facts.order.shipped_at,
      signedAt: facts.order.signed_at,
      completedAt: facts.order.completed_at,
      lines: lines.map((l) => ({ productId: l.product_id, title: l.title, listingNotes: l.listing_notes })),
    },
    at: now,
  });
  const assignee = opener.kind === 'agent' ? opener.assignee : undefined;
  const conversation = await ensureBuyerConversation(trx, shopId, facts.order.buyer_id, at);
  const id = newId();
  const caseNo = `SH${chinaTimeOf(now).date.replaceAll('-', '')}-${id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-5)
    .toUpperCase()}`;
  const hasChecklist = Boolean(EVIDENCE_CHECKLISTS[props.type]?.length);
  await insertCase(trx, {
    id,
    shop_id: shopId,
    case_no: caseNo,
    type: props.type,
    state: 'pending',
    order_id: facts.order.id,
    buyer_id: facts.order.buyer_id,
    conversation_id: conversation.id,
    assignee_id: assignee?.id ?? null,
    assignee_name: assignee?.name ?? null,
    reason: props.reason ?? null,
    item_indexes: JSON.stringify(indexes),
    refund_fen: props.refundFen ?? null,
    eligibility_json: JSON.stringify(eligibilityOf(verdict)),
    deadline_at: caseDeadline(policy, props.type, now).toISOString(),
    return_address: null,
    return_carrier: null,
    return_tracking_no: null,
    reship_carrier: null,
    reship_tracking_no: null,
    // A buyer asking about quality sees the photo checklist at once; agents ask with one click.
    evidence_requested_at: opener.kind !== 'agent' && hasChecklist ? at : null,
    guide_json: '{}',
    opened_by: opener.kind,
    created_at: at,
    updated_at: at,
    closed_at: null,
    reminded_at: null,
    return_shipping_paid_by: policy.returnShipping[props.type] ?? null,
  });
  if (props.type === 'quality') {
    // The seeds' rule: after a quality complaint (an allergy …) the manager calls the buyer the next day.
    await createTask(ctx, {
      shopId,
      kind: 'follow_up_call',
      title: serverText('task.follow_up', { orderNo: facts.order.order_no, caseNo, caseType: props.type }).coded,
      dueAt: nextMorning(now),
      caseId: id,
      orderId: facts.order.id,
      buyerId: facts.order.buyer_id,
      sourceKey: `case:${id}:follow_up_call`,
    });
  }
  const row = (await findCase(trx, shopId, id))!;
  return applyCaseChange(ctx, row, opener.actor, {
    entries: [{ kind: 'opened', note: props.reason ?? null, data: { eligible: verdict.eligible, rule: verdict.rule } }],
    tell: [serverText('case.opened', { caseNo, caseType: props.type })],
    audit: {
      action: 'case.opened',
      before: null,
      after: { type: props.type, orderNo: facts.order.order_no, eligible: verdict.eligible },
    },
  });
}

/** The agent a new case goes to: the one named (managers may name others), else the agent opening it. */
async function assigneeFor(ctx: TransactionalContext<Principal>, assigneeId: string | undefined) {
  const { actor } = ctx;
  if (actor.kind !== 'agent') throw new AppError('forbidden');
  if (!assigneeId || assigneeId === actor.agentId) return { id: actor.agentId, name: actor.name };
  if (!can(actor, 'cases.assign_others')) throw new AppError('forbidden');
  const agent = await findAgent(ctx.transaction.trx, actor.shopId, assigneeId);
  if (!agent || agent.disabled_at) throw new AppError('not_found', { thing: 'agent' });
  return { id: agent.id, name: agent.name };
}
