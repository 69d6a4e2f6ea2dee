import type { OrderView } from '@golddesk/contracts';
import type { AppContext, TransactionalContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import type { ApprovalRow } from './approval.repository.js';

/** A target as the decision reads it. */
export interface LoadedTarget {
  /** Its state in the approver's words (English), for the refusal when the request was closed meanwhile. */
  statusEn: string;
  /** The order as it stands, when the target is an order (the answer carries it to the order pane). */
  order?: OrderView;
}

/**
 * What a request is about (an order's 改价, an after-sales case's goodwill), seen from the decision. The modules owning
 * the targets sit above this one, so they provide these steps at start-up instead of being imported here.
 */
export interface ApprovalTarget {
  /** The target as it stands, read in the decision's transaction; undefined when it is gone. */
  load(ctx: TransactionalContext<AgentPrincipal>, targetId: string): Promise<LoadedTarget | undefined>;
  /**
   * Carries out the approval as the approver in the decision's transaction (改价 applies the price; goodwill becomes
   * the requester's to apply); the order afterwards when it changed.
   */
  applyApproved(ctx: TransactionalContext<AgentPrincipal>, approval: ApprovalRow): Promise<OrderView | undefined>;
  /** The request is gone (rejected): the target's watchers learn it once the decision committed. */
  noteRejected(ctx: TransactionalContext<AgentPrincipal>, approval: ApprovalRow, loaded: LoadedTarget, at: string): Promise<void>;
  /** Closes (in its own transaction) and publishes the requests the target's state no longer allows. */
  closeStale(app: AppContext, shopId: string, targetId: string): Promise<void>;
}

const targets = new WeakMap<AppContext, Map<string, ApprovalTarget>>();

/** The target type is the kind's first word: `order.change_price` is about an order, `case.compensate` a case. */
export function targetTypeOf(kind: string): string {
  return kind.split('.')[0]!;
}

/** Registers the steps for one target type (app.ts, at start-up). */
export function provideApprovalTarget(app: AppContext, targetType: string, target: ApprovalTarget): void {
  const forApp = targets.get(app) ?? new Map<string, ApprovalTarget>();
  forApp.set(targetType, target);
  targets.set(app, forApp);
}

export function approvalTargetOf(app: AppContext, kind: string): ApprovalTarget {
  const target = targets.get(app)?.get(targetTypeOf(kind));
  if (!target) throw new Error(`no approval target was provided for ${kind}`);
  return target;
}
