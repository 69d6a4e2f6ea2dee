import type { ApprovalView, ConversationSummary, Footprint, Message, OrderView } from '@golddesk/contracts';

/**
 * Events published after commit. Their `type` doubles as the WebSocket frame type.
 * Listeners (realtime fan-out today; auto-replies, metrics, quality later) subscribe by concern.
 */
export type DomainEvent =
  | { type: 'message.created'; shopId: string; conversationId: string; message: Message; origin: MessageOrigin }
  | { type: 'conversation.updated'; shopId: string; conversationId: string; conversation: ConversationSummary }
  | { type: 'conversation.typing'; shopId: string; conversationId: string; side: 'buyer' | 'agent'; typing: boolean }
  | { type: 'conversation.read'; shopId: string; conversationId: string; side: 'buyer' | 'agent'; seq: number }
  | { type: 'order.updated'; shopId: string; order: OrderView; conversationId?: undefined }
  | { type: 'approval.updated'; shopId: string; approval: ApprovalView; conversationId?: undefined }
  | { type: 'customer.footprint'; shopId: string; buyerId: string; conversationId: string; footprint: Footprint };

/** Who caused a message: automation listeners ignore what automation wrote, so rules never loop. */
export type MessageOrigin = 'buyer' | 'agent' | 'automation' | 'system';
