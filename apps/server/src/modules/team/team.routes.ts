import {
  AgentResponse,
  CreateAgentRequest,
  ListAgentsResponse,
  SignOutAgentResponse,
  UpdateAgentRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { listAgents } from '../auth/index.js';
import { createAgent } from './commands/create-agent.js';
import { signOutAgent } from './commands/sign-out-agent.js';
import { updateAgent } from './commands/update-agent.js';
import { presentTeam } from './team.presenter.js';

const AgentParams = z.object({ id: z.string().min(1).max(64) });

export function registerTeamRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/team/agents',
    {
      schema: { summary: "The shop's agents", tags: ['team'], response: { 200: ListAgentsResponse } },
    },
    async (request) => {
      const { shopId } = agentOf(request);
      return { agents: await presentTeam(ctx, shopId, await listAgents(ctx.storage.db, shopId)) };
    },
  );

  app.post(
    '/api/v1/team/agents',
    {
      schema: {
        summary: 'Add an agent (owner: any role; manager: presale, aftersale, support)',
        tags: ['team'],
        body: CreateAgentRequest,
        response: { 201: AgentResponse },
      },
    },
    async (request, reply) => {
      const agent = await createAgent({ app: ctx, actor: agentOf(request) }, request.body);
      return reply.status(201).send({ agent });
    },
  );

  app.patch(
    '/api/v1/team/agents/:id',
    {
      schema: {
        summary:
          'Change a colleague: {"disabled":true|false}, routing {"capacity":1–50,"groups":[…],"weight":1–10} (owner: anyone else; manager: presale, aftersale, support)',
        tags: ['team'],
        params: AgentParams,
        body: UpdateAgentRequest,
        response: { 200: AgentResponse },
      },
    },
    async (request) => ({
      agent: await updateAgent({ app: ctx, actor: agentOf(request) }, { ...request.body, agentId: request.params.id }),
    }),
  );

  app.post(
    '/api/v1/team/agents/:id/sign-out',
    {
      schema: {
        summary: 'Sign a colleague out everywhere (强制下线): every token and open stream ends at once',
        tags: ['team'],
        params: AgentParams,
        response: { 200: SignOutAgentResponse },
      },
    },
    async (request) => signOutAgent({ app: ctx, actor: agentOf(request) }, request.params.id),
  );
}
