import {
  ListMessagesQuery,
  ListMessagesResponse,
  SearchMessagesQuery,
  SearchMessagesResponse,
  SendMessageRequest,
  SendMessageResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf, buyerOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { limitBuyerMessages } from './buyer-message-limit.js';
import { sendMessage } from './commands/send-message.js';
import type { MessageWriter } from './message-writer.js';
import { listConversationMessages } from './queries/list-messages.js';
import { searchMessages } from './queries/search-messages.js';

const Params = z.object({ id: z.string().max(64) });
const Sent = { 200: SendMessageResponse, 201: SendMessageResponse };

export function registerMessageRoutes(app: HttpServer, ctx: AppContext, writer: MessageWriter) {
  app.get(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        summary: 'History, ascending (afterSeq, beforeSeq or the latest page)',
        tags: ['agents'],
        params: Params,
        querystring: ListMessagesQuery,
        response: { 200: ListMessagesResponse },
      },
    },
    async (request) => listConversationMessages({ app: ctx, actor: agentOf(request) }, request.params.id, request.query),
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        summary: 'Agent sends a message (idempotent on clientMsgId)',
        tags: ['agents'],
        params: Params,
        body: SendMessageRequest,
        response: Sent,
      },
    },
    async (request, reply) => {
      const result = await sendMessage({ app: ctx, actor: agentOf(request) }, writer, {
        ...request.body,
        conversationId: request.params.id,
      });
      return reply.status(result.created ? 201 : 200).send({ message: result.message });
    },
  );

  app.get(
    '/api/v1/search/messages',
    {
      schema: {
        summary: 'Search chat history of the shop by Chinese words',
        tags: ['agents'],
        querystring: SearchMessagesQuery,
        response: { 200: SearchMessagesResponse },
      },
    },
    async (request) => searchMessages({ app: ctx, actor: agentOf(request) }, request.query),
  );

  app.get(
    '/api/v1/widget/messages',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: "The buyer's own conversation history",
        tags: ['widget'],
        querystring: ListMessagesQuery,
        response: { 200: ListMessagesResponse },
      },
    },
    async (request) => {
      const buyer = buyerOf(request);
      return listConversationMessages({ app: ctx, actor: buyer }, buyer.conversationId, request.query);
    },
  );

  app.post(
    '/api/v1/widget/messages',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: 'Buyer sends a message (idempotent on clientMsgId)',
        tags: ['widget'],
        body: SendMessageRequest,
        response: Sent,
      },
    },
    async (request, reply) => {
      const buyer = buyerOf(request);
      await limitBuyerMessages(ctx, buyer, request.ip);
      const result = await sendMessage({ app: ctx, actor: buyer }, writer, {
        ...request.body,
        conversationId: buyer.conversationId,
      });
      return reply.status(result.created ? 201 : 200).send({ message: result.message });
    },
  );
}
