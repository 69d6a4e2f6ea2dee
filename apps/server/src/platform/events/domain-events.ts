import type { LogisticsExceptionView } from '@golddesk/contracts';
import type { ApprovalView, ConversationSummary, Footprint, ImportView, Message, OrderView } from '@golddesk/contracts';
import type { ServiceStatus } from '@golddesk/contracts';

/**
 * Events published after commit. Their `type` doubles as the WebSocket frame type.
 * Listeners (realtime fan-out today; auto-replies, metrics, quality later) subscribe by concern.
 */
export type DomainEvent =
  /** held: from a blacklisted buyer; stored and echoed to the buyer, never sent to agents. */
  | { type: 'message.created'; shopId: string; conversationId: string; message: Message; origin: MessageOrigin; held?: boolean }
  | { type: 'conversation.updated'; shopId: string; conversationId: string; conversation: ConversationSummary }
  | { type: 'conversation.typing'; shopId: string; conversationId: string; side: 'buyer' | 'agent'; typing: boolean }
  | { type: 'conversation.read'; shopId: string; conversationId: string; side: 'buyer' | 'agent'; seq: number }
  /**
   * An agent ended a service session (结束), once per closing. No socket frame: the buyer reads the farewell line and
   * agents get conversation.updated. The hook for follow-ups such as the rating invite (满意度邀评, measures issue):
   * subscribe with app.bus.subscribe; every process hears it, so a listener that writes enqueues an idempotent job
   * keyed by conversationId + closedAt rather than writing from each process.
   */
  | { type: 'conversation.closed'; shopId: string; conversationId: string; buyerId: string; closedBy: string; closedAt: string }
  /** eventId: the same on every process that hears it (webhook deliveries are keyed by it). */
  | { type: 'order.updated'; shopId: string; order: OrderView; eventId: string; conversationId?: undefined }
  | { type: 'approval.updated'; shopId: string; approval: ApprovalView; conversationId?: undefined }
  | { type: 'customer.footprint'; shopId: string; buyerId: string; conversationId: string; footprint: Footprint }
  | { type: 'import.progress'; shopId: string; import: ImportView; conversationId?: undefined }
  | { type: 'logistics.exception'; shopId: string; exception: LogisticsExceptionView; conversationId?: undefined }
  /** Buyers' widgets: the shop opened or closed for service (an agent came or went, the hours changed). */
  | { type: 'shop.status_changed'; shopId: string; service: ServiceStatus; conversationId?: undefined }
  /** Sign-in sessions ended (sign-out, sign-out everywhere, disabled): every process closes the matching sockets. */
  | { type: 'agent.sessions_revoked'; shopId: string; agentId: string; sessionId?: string; reason: SessionEndReason; conversationId?: undefined };

/** Why an agent's sessions ended; the socket's close reason says it. */
export type SessionEndReason = 'signed_out' | 'signed_out_everywhere' | 'disabled';

/** Who caused a message: automation listeners ignore what automation wrote, so rules never loop. */
export type MessageOrigin = 'buyer' | 'agent' | 'automation' | 'system';
