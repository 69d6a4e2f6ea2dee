import {
  can,
  ConversationResponse,
  ListConversationsQuery,
  ListConversationsResponse,
  MarkReadRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { assignConversation } from './commands/assign-conversation.js';
import { closeConversation } from './commands/close-conversation.js';
import { markRead } from './commands/mark-read.js';
import { presentConversation } from './conversation.presenter.js';
import { findConversationSummaries, listConversationSummaries } from './conversation.repository.js';

const Params = z.object({ id: z.string().max(64) });
const MAX_CONVERSATIONS = 500;

export function registerConversationRoutes(app: HttpServer, ctx: AppContext) {
  /** Re-reads the summary after a command, so the answer shows the new state. */
  async function summary(shopId: string, id: string) {
    const [row] = await findConversationSummaries(ctx.storage.db, shopId, [id]);
    if (!row) throw new AppError('not_found', { thing: 'conversation' });
    return { conversation: presentConversation(row) };
  }

  app.get(
    '/api/v1/conversations',
    {
      schema: {
        summary:
          'Conversations, most recent activity first (sort=waiting: the longest-waiting buyer first; assignee=me: my buyers; group: one routing group)',
        tags: ['agents'],
        querystring: ListConversationsQuery,
        response: { 200: ListConversationsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const rows = await listConversationSummaries(ctx.storage.db, agent.shopId, {
        filter: request.query.assignee === 'me' ? 'mine' : request.query.filter,
        group: request.query.group,
        ownAndUnservedOnly: !can(agent, 'conversations.see_all'),
        sort: request.query.sort,
        agentId: agent.agentId,
        limit: Math.min(request.query.limit ?? 100, MAX_CONVERSATIONS),
      });
      return { conversations: rows.map(presentConversation) };
    },
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      schema: { summary: 'One conversation', tags: ['agents'], params: Params, response: { 200: ConversationResponse } },
    },
    async (request) => summary(agentOf(request).shopId, request.params.id),
  );

  app.post(
    '/api/v1/conversations/:id/read',
    {
      schema: {
        summary: 'The shop has seen the conversation up to seq',
        tags: ['agents'],
        params: Params,
        body: MarkReadRequest,
        response: { 200: ConversationResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await markRead({ app: ctx, actor: agent }, { conversationId: request.params.id, seq: request.body.seq });
      return summary(agent.shopId, request.params.id);
    },
  );

  app.post(
    '/api/v1/conversations/:id/assign',
    {
      schema: {
        summary: 'Take the conversation (接待)',
        tags: ['agents'],
        params: Params,
        response: { 200: ConversationResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await assignConversation({ app: ctx, actor: agent }, { conversationId: request.params.id });
      return summary(agent.shopId, request.params.id);
    },
  );

  app.post(
    '/api/v1/conversations/:id/close',
    {
      schema: {
        summary: 'End the service session (结束)',
        tags: ['agents'],
        params: Params,
        response: { 200: ConversationResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await closeConversation({ app: ctx, actor: agent }, { conversationId: request.params.id });
      return summary(agent.shopId, request.params.id);
    },
  );
}
