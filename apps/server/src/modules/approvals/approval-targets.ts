import type { OrderView } from '@golddesk/contracts';
import type { AppContext, TransactionalContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import type { ApprovalRow } from './approval.repository.js';

/**
 * What a request is about (an order today; after-sales cases next), seen from the decision. The module owning the
 * target sits above this one, so it provides these steps at start-up instead of being imported here.
 */
export interface ApprovalTarget {
  /** The target as it stands, read in the decision's transaction; undefined when it is gone. */
  load(ctx: TransactionalContext<AgentPrincipal>, targetId: string): Promise<{ view: OrderView; statusEn: string } | undefined>;
  /** Runs the approved change as the approver in the decision's transaction; the target afterwards when it changed. */
  applyApproved(ctx: TransactionalContext<AgentPrincipal>, approval: ApprovalRow): Promise<OrderView | undefined>;
  /** The request is gone (rejected): the target's watchers learn it once the decision committed. */
  noteRejected(ctx: TransactionalContext<AgentPrincipal>, view: OrderView, at: string): Promise<void>;
  /** Closes (in its own transaction) and publishes the requests the target's state no longer allows. */
  closeStale(app: AppContext, shopId: string, targetId: string): Promise<void>;
}

const targets = new WeakMap<AppContext, Map<string, ApprovalTarget>>();

/** The target type is the kind's first word: `order.change_price` is about an order. */
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
