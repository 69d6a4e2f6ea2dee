import { z } from 'zod';
import { Id } from './common.js';
import { ConversationSummary } from './conversations.js';
import { ClientMsgId, Message, MessageKind } from './messages.js';
import { ImportView } from './imports.js';
import { LogisticsExceptionView } from './logistics.js';
import { ApprovalView } from './orders.js';
import { AgentStatus } from './auth.js';
import { BuyerCaseView, CaseView, TaskView } from './cases.js';
import { Footprint, OrderView } from './shop.js';
import { ServiceStatus } from './shop-hours.js';
import { SatisfactionInvitedFrame, SatisfactionRatedFrame } from './satisfaction.js';

/**
 * WebSocket frames. Server frames' `type` reuses domain event names (`message.created`).
 * Connect: GET /api/v1/stream?token=<agent or buyer token>; the first frame is `ready`.
 */
export const ReadyFrame = z.object({ type: z.literal('ready') });
export const MessageCreatedFrame = z.object({ type: z.literal('message.created'), message: Message });
export const ConversationUpdatedFrame = z.object({
  type: z.literal('conversation.updated'),
  conversation: ConversationSummary.describe('agents only'),
});
export const TypingFrame = z.object({
  type: z.literal('conversation.typing_changed'),
  conversationId: Id,
  side: z.enum(['buyer', 'agent']),
  typing: z.boolean(),
});
export const ReadFrame = z.object({
  type: z.literal('conversation.read'),
  conversationId: Id,
  side: z.enum(['buyer', 'agent']),
  seq: z.number().int(),
});
export const MessageAckFrame = z.object({ type: z.literal('message.ack'), clientMsgId: z.string(), message: Message });
export const MessageRejectedFrame = z.object({
  type: z.literal('message.rejected'),
  clientMsgId: z.string(),
  error: z.object({ code: z.string(), message: z.string() }),
});
/** Agents: an order changed (action, approval, integration); refresh it in the right pane. */
export const OrderUpdatedFrame = z.object({ type: z.literal('order.updated'), order: OrderView });
/** Agents: an approval request was created or decided. */
export const ApprovalUpdatedFrame = z.object({ type: z.literal('approval.updated'), approval: ApprovalView });
/** Agents: a buyer just viewed a product on the shop page. */
export const FootprintFrame = z.object({
  type: z.literal('customer.footprint_recorded'),
  buyerId: Id,
  conversationId: Id.nullable(),
  footprint: Footprint,
});
/** Agents: progress of a catalogue/order import (running → done | failed). */
export const ImportProgressFrame = z.object({ type: z.literal('import.progressed'), import: ImportView });
/** Agents: a logistics exception was raised or resolved (raisedAt / resolvedAt tell which). */
export const LogisticsExceptionFrame = z.object({
  type: z.literal('logistics.exception_changed'),
  exception: LogisticsExceptionView,
});
/** Agents (CaseView) and the case's buyer (BuyerCaseView): an after-sales case was opened or changed. */
export const CaseUpdatedFrame = z.object({ type: z.literal('case.updated'), case: z.union([CaseView, BuyerCaseView]) });
/** Agents: a case's deadline is near; its assignee is reminded (the workbench notifies when assigneeId is theirs). */
export const CaseRemindedFrame = z.object({ type: z.literal('case.reminded'), case: CaseView, assigneeId: Id.nullable() });
/** Agents: a colleague set their status (在线 / 忙碌 / 离线). */
export const AgentStatusFrame = z.object({ type: z.literal('agent.status_changed'), agentId: Id, status: AgentStatus });
/**
 * Agents: the owner changed a role's column of the permissions matrix (or made or deleted a role). Agents of that role
 * fetch GET /api/v1/me again (their buttons follow without a reload); the matrix's viewers reload it.
 */
export const PermissionsChangedFrame = z.object({ type: z.literal('permissions.changed'), role: z.string() });
/** Agents: a colleague was given another role (the agent themselves asks again what they may do). */
export const AgentRoleChangedFrame = z.object({ type: z.literal('agent.role_changed'), agentId: Id, role: z.string() });
/** Agents: a colleague task was created or changed (仓库, 财务, 质检, 回访). */
export const TaskUpdatedFrame = z.object({ type: z.literal('task.updated'), task: TaskView });
/** Buyers: the shop's service status changed (an agent came online or left, the hours were changed). */
export const ShopStatusFrame = z.object({ type: z.literal('shop.status_changed'), service: ServiceStatus });
/** Buyers: their place in the queue changed (CONTRACT "Routing"); position null once an agent has them. */
export const QueuePositionFrame = z.object({
  type: z.literal('queue.position'),
  position: z.number().int().min(1).nullable(),
  etaSeconds: z.number().int().min(0).optional(),
});
/** Agents: a buyer has waited too long (agent: the assigned agent is nudged; manager: managers are alerted). */
export const RoutingAlertFrame = z.object({
  type: z.literal('routing.alert'),
  conversationId: Id,
  level: z.enum(['agent', 'manager']),
  agentId: Id.nullable(),
  waitingSince: z.string(),
  /** How long the buyer had waited when the server raised it (by its clock). */
  waitedSeconds: z.number().int().min(0),
});
/** Agents: an unanswered buyer went from one agent to the next (or back to the queue: toAgentId null). */
export const ConversationReassignedFrame = z.object({
  type: z.literal('conversation.reassigned'),
  conversationId: Id,
  fromAgentId: Id,
  toAgentId: Id.nullable(),
  waitingSince: z.string(),
});
export const SyncedFrame = z.object({ type: z.literal('synced').describe('the resume catch-up is complete') });
export const PongFrame = z.object({ type: z.literal('pong') });
export const ErrorFrame = z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) });

export const ServerFrame = z.discriminatedUnion('type', [
  ReadyFrame,
  MessageCreatedFrame,
  ConversationUpdatedFrame,
  TypingFrame,
  ReadFrame,
  MessageAckFrame,
  MessageRejectedFrame,
  OrderUpdatedFrame,
  ApprovalUpdatedFrame,
  CaseUpdatedFrame,
  CaseRemindedFrame,
  TaskUpdatedFrame,
  AgentStatusFrame,
  PermissionsChangedFrame,
  AgentRoleChangedFrame,
  FootprintFrame,
  ImportProgressFrame,
  LogisticsExceptionFrame,
  ShopStatusFrame,
  QueuePositionFrame,
  RoutingAlertFrame,
  ConversationReassignedFrame,
  SatisfactionInvitedFrame,
  SatisfactionRatedFrame,
  SyncedFrame,
  PongFrame,
  ErrorFrame,
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Client → server. */
export const ResumeFrame = z.object({
  type: z.literal('resume'),
  cursors: z.record(Id, z.number().int().min(0)).describe('conversationId → last seq the client has'),
});
export const ClientTypingFrame = z.object({ type: z.literal('typing'), conversationId: Id, typing: z.boolean() });
export const ClientReadFrame = z.object({ type: z.literal('read'), conversationId: Id, seq: z.number().int().min(0) });
export const ClientSendFrame = z.object({
  type: z.literal('message.send'),
  conversationId: Id.optional().describe('agents: required; buyers: their own conversation'),
  clientMsgId: ClientMsgId,
  body: z.string().default(''),
  kind: MessageKind.default('text'),
  attachmentId: Id.optional(),
  productId: Id.optional(),
  orderId: Id.optional(),
});
export const PingFrame = z.object({ type: z.literal('ping') });

export const ClientFrame = z.discriminatedUnion('type', [
  ResumeFrame,
  ClientTypingFrame,
  ClientReadFrame,
  ClientSendFrame,
  PingFrame,
]);
export type ClientFrame = z.input<typeof ClientFrame>;
