import {
  ConversationSatisfactionResponse,
  SatisfactionInvitationResponse,
  SatisfactionSettings,
  SatisfactionSettingsResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { changeSatisfactionSettings } from './commands/change-satisfaction-settings.js';
import { inviteRatingByHand } from './commands/invite-rating-by-hand.js';
import { conversationRatings } from './queries/conversation-ratings.js';
import { readSatisfactionSettings } from './satisfaction-settings.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['satisfaction'];

/** 满意度 for agents: invite by hand, a conversation's ratings, the shop's settings. (The buyer's routes are the widget's.) */
export function registerSatisfactionRoutes(app: HttpServer, ctx: AppContext) {
  app.post(
    '/api/v1/conversations/:id/satisfaction-invitation',
    {
      schema: {
        summary: "邀请评价: invite the buyer to rate this service session (once per session; a colleague's buyer: managers)",
        tags,
        params: Params,
        response: { 201: SatisfactionInvitationResponse },
      },
    },
    async (request, reply) => {
      const rating = await inviteRatingByHand({ app: ctx, actor: agentOf(request) }, { conversationId: request.params.id });
      return reply.code(201).send({ rating });
    },
  );

  app.get(
    '/api/v1/conversations/:id/satisfaction',
    {
      schema: {
        summary: "The conversation's rating invitations and ratings, oldest first",
        tags,
        params: Params,
        response: { 200: ConversationSatisfactionResponse },
      },
    },
    async (request) => ({ ratings: await conversationRatings({ app: ctx, actor: agentOf(request) }, request.params.id) }),
  );

  app.get(
    '/api/v1/settings/satisfaction',
    {
      schema: {
        summary: '满意度 settings: invitations on or off, idle minutes',
        tags,
        response: { 200: SatisfactionSettingsResponse },
      },
    },
    async (request) => ({ settings: await readSatisfactionSettings(ctx.storage.db, agentOf(request).shopId) }),
  );

  app.put(
    '/api/v1/settings/satisfaction',
    {
      schema: {
        summary: 'Change the 满意度 settings (owner, manager)',
        tags,
        body: SatisfactionSettings,
        response: { 200: SatisfactionSettingsResponse },
      },
    },
    async (request) => ({ settings: await changeSatisfactionSettings({ app: ctx, actor: agentOf(request) }, request.body) }),
  );
}
