import { MAX_MESSAGE_LENGTH, findUnfilledVariables, type Message, type MessageKind } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { findAttachment } from '../../attachments/index.js';
import { presentAttachment } from '../../attachments/index.js';
import { findProductCard } from '../../catalogue/index.js';
import { requireConversationInShop } from '../conversation.policy.js';
import { findConversationParties } from '../conversation.repository.js';
import { isBuyerBlocked } from '../message.repository.js';
import type { MessagePayload } from '../message.presenter.js';
import { orderCardsOf } from '../order-cards.js';
import type { MessageDraft, MessageWriter } from '../message-writer.js';

export interface SendMessageProps {
  /** The conversation written to; a buyer may only name their own. */
  conversationId: string;
  /** Verbatim text. For images and product cards it is replaced by a readable stand-in. */
  body: string;
  /** Chosen by the client; sending the same id again returns the first message. */
  clientMsgId: string;
  kind: MessageKind;
  /** An uploaded image of this shop, for kind "image". */
  attachmentId?: string;
  /** A product of this shop, for kind "product". */
  productId?: string;
  /** An order of the conversation's buyer, for kind "order". */
  orderId?: string;
}

async function buyerOfConversation(ctx: CommandContext, conversationId: string): Promise<string | undefined> {
  if (ctx.actor.kind === 'buyer') return ctx.actor.buyerId;
  return (await findConversationParties(ctx.app.storage.db, conversationId))?.buyer_id;
}

/** A buyer or an agent writes in a conversation. Answers once the message is durable. */
export async function sendMessage(
  ctx: CommandContext,
  writer: MessageWriter,
  props: SendMessageProps,
): Promise<{ message: Message; created: boolean }> {
  return writer.write(await prepareMessage(ctx, props));
}

/**
 * Checks and completes a message without writing it. Callers that must keep a client's order (the
 * WebSocket) prepare in order, hand the draft to the writer, and wait for the commit separately.
 */
export async function prepareMessage(ctx: CommandContext, props: SendMessageProps): Promise<MessageDraft> {
  const { actor, app } = ctx;
  await requireConversationInShop(ctx, props.conversationId);
  const payload: MessagePayload = {};
  let body = props.body;

  if (props.kind === 'text') {
    if (body.trim() === '') throw new AppError('empty_message');
    if (body.length > MAX_MESSAGE_LENGTH) throw new AppError('message_too_long', { limit: MAX_MESSAGE_LENGTH });
    // A phrase's {订单号} that could not be filled must never reach the buyer as braces.
    const unfilled = actor.kind === 'agent' ? findUnfilledVariables(body) : [];
    if (unfilled.length)
      throw new AppError('unfilled_variables', { names: [...new Set(unfilled.map((v) => `{${v.name}}`))].join(' ') });
  } else if (props.kind === 'image') {
    const attachment = props.attachmentId && (await findAttachment(app.storage.db, actor.shopId, props.attachmentId));
    if (!attachment) throw new AppError('not_found', { thing: 'attachment' });
    payload.attachment = presentAttachment(attachment);
    body = '[图片]';
  } else if (props.kind === 'order') {
    if (actor.kind === 'buyer' && !actor.verified) throw new AppError('identity_required');
    const order = props.orderId && (await orderCardsOf(app)(app.storage.db, actor.shopId, props.orderId));
    // Only the conversation's own buyer's orders: a card must never show one buyer another's order.
    if (!order || order.buyerId !== (await buyerOfConversation(ctx, props.conversationId))) {
      throw new AppError('not_found', { thing: 'order' });
    }
    payload.order = order.card;
    body = `订单 ${order.card.orderNo}`;
  } else {
    const product = props.productId && (await findProductCard(app.storage.db, actor.shopId, props.productId));
    if (!product) throw new AppError('not_found', { thing: 'product' });
    payload.product = product;
    body = product.title;
  }
  if (actor.kind === 'agent') payload.agentName = actor.name;

  return {
    shopId: actor.shopId,
    conversationId: props.conversationId,
    sender: actor.kind === 'agent' ? 'agent' : 'buyer',
    agentId: actor.kind === 'agent' ? actor.agentId : null,
    kind: props.kind,
    body,
    payload: Object.keys(payload).length ? JSON.stringify(payload) : null,
    clientMsgId: props.clientMsgId,
    origin: actor.kind,
    // A blacklisted buyer's message is stored but held from the agents (no new chat, no alert).
    held: actor.kind === 'buyer' && (await isBuyerBlocked(app.storage.db, actor.buyerId)),
  };
}
