import type { BuyerCaseView, CaseView, LogisticsExceptionView, TaskView } from '@golddesk/contracts';
import type { ApprovalView, ConversationSummary, Footprint, ImportView, Message, OrderView } from '@golddesk/contracts';
import type { AgentStatus, ServiceStatus } from '@golddesk/contracts';
import type { BuyerSatisfactionView, SatisfactionRatingView } from '@golddesk/contracts';

/**
 * Events published after commit. Their `type` doubles as the WebSocket frame type.
 * Listeners subscribe by concern: the realtime hub fans them out to sockets live (app.bus, on every process); the durable
 * consumers (webhook deliveries, auto-replies, broadcasts' 退订/订阅) get the events recorded in the outbox through
 * app.outbox, once across processes. Metrics and quality checks will subscribe the same way when they arrive.
 */
export type DomainEvent =
  /** held: from a blacklisted buyer; stored and echoed to the buyer, never sent to agents. */
  | { type: 'message.created'; shopId: string; conversationId: string; message: Message; origin: MessageOrigin; held?: boolean }
  | { type: 'conversation.updated'; shopId: string; conversationId: string; conversation: ConversationSummary }
  | { type: 'conversation.typing_changed'; shopId: string; conversationId: string; side: 'buyer' | 'agent'; typing: boolean }
  | { type: 'conversation.read'; shopId: string; conversationId: string; side: 'buyer' | 'agent'; seq: number }
  /**
   * An agent ended a service session (结束), once per closing. No socket frame: the buyer reads the farewell line and
   * agents get conversation.updated. Nothing listens yet; it is the hook for follow-ups such as the rating invite
   * (满意度邀评, measures issue). Every process hears it on app.bus, so a listener that writes must enqueue an
   * idempotent job keyed by conversationId + closedAt rather than write from each process.
   */
  | { type: 'conversation.closed'; shopId: string; conversationId: string; buyerId: string; closedBy: string; closedAt: string }
  /** eventId: the same on every process that hears it (webhook deliveries are keyed by it). */
  | { type: 'order.updated'; shopId: string; order: OrderView; eventId: string; conversationId?: undefined }
  | { type: 'approval.updated'; shopId: string; approval: ApprovalView; conversationId?: undefined }
  /** An after-sales case changed: agents get `case`, the case's buyer `buyerCase` (each audience its own presenter). */
  | { type: 'case.updated'; shopId: string; conversationId: string | undefined; case: CaseView; buyerCase: BuyerCaseView }
  /** A case's deadline is near: its assignee is reminded (no buyer frame). */
  | { type: 'case.reminded'; shopId: string; case: CaseView; assigneeId: string | null; conversationId?: undefined }
  /**
   * Through the outbox only (no socket frame): the shop's system hears of every case change by the `aftersale.updated`
   * webhook and executes refunds and payouts itself. eventId: the same on every process.
   */
  | { type: 'aftersale.updated'; shopId: string; case: CaseView; eventId: string; conversationId?: undefined }
  | { type: 'task.updated'; shopId: string; task: TaskView; conversationId?: undefined }
  | { type: 'agent.status_changed'; shopId: string; agentId: string; status: AgentStatus; conversationId?: undefined }
  | { type: 'customer.footprint_recorded'; shopId: string; buyerId: string; conversationId: string; footprint: Footprint }
  | { type: 'import.progressed'; shopId: string; import: ImportView; conversationId?: undefined }
  | { type: 'logistics.exception_changed'; shopId: string; exception: LogisticsExceptionView; conversationId?: undefined }
  /** Buyers' widgets: the shop opened or closed for service (an agent came or went, the hours changed). */
  | { type: 'shop.status_changed'; shopId: string; service: ServiceStatus; conversationId?: undefined }
  /** Sign-in sessions ended (sign-out, sign-out everywhere, disabled): every process closes the matching sockets. */
  | {
      type: 'agent.sessions_revoked';
      shopId: string;
      agentId: string;
      sessionId?: string;
      reason: SessionEndReason;
      conversationId?: undefined;
    }
  /** A queued buyer's place changed (null: an agent has them now); only their widget hears it (`queue.position`). */
  | { type: 'queue.position_changed'; shopId: string; conversationId: string; position: number | null; etaSeconds?: number }
  /** Routing found nobody with room: the buyer waits in `group`'s queue (the busy auto-reply answers it). No frame. */
  | { type: 'conversation.queued'; shopId: string; conversationId: string; group: string; triggerMessageId: string }
  /**
   * Agents: a buyer has waited too long — `agent`: their assigned agent has not answered (nudged); `manager`: past the
   * shop's alert time (managers are alerted).
   */
  | {
      type: 'routing.alert';
      shopId: string;
      conversationId: string;
      level: 'agent' | 'manager';
      agentId: string | null;
      waitingSince: string;
      waitedSeconds: number;
    }
  /** Agents: a buyer left unanswered went from one agent to the next (toAgentId) or back to the queue (null). */
  | {
      type: 'conversation.reassigned';
      shopId: string;
      conversationId: string;
      fromAgentId: string;
      toAgentId: string | null;
      waitingSince: string;
    }
  /**
   * A role's column of the permissions matrix changed (or the role was made or deleted: capabilities then empty). Every
   * process updates the open sockets of that role (phone masking follows at once) and tells the shop's agents.
   */
  | { type: 'permissions.changed'; shopId: string; role: string; capabilities: readonly string[]; conversationId?: undefined }
  /** An agent was given another role: their open sockets decide with it from now on. */
  | {
      type: 'agent.role_changed';
      shopId: string;
      agentId: string;
      role: string;
      capabilities: readonly string[];
      conversationId?: undefined;
    }
  /**
   * 满意度: the buyer was invited to rate a service session, or rated it. Agents get `rating`, the conversation's buyer
   * `invitation` (each audience its own presenter: the buyer never sees agent ids).
   */
  | {
      type: 'satisfaction.invited' | 'satisfaction.rated';
      shopId: string;
      conversationId: string;
      rating: SatisfactionRatingView;
      invitation: BuyerSatisfactionView;
    }
  /** No socket frame: every process drops its cached auto-reply rules of the shop. */
  | { type: 'auto_reply.rules_changed'; shopId: string; conversationId?: undefined };

/** Why an agent's sessions ended; the socket's close reason says it. */
export type SessionEndReason = 'signed_out' | 'signed_out_everywhere' | 'disabled';

/** Who caused a message: automation listeners ignore what automation wrote, so rules never loop. */
export type MessageOrigin = 'buyer' | 'agent' | 'automation' | 'system';
