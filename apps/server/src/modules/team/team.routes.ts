import { AgentResponse, CreateAgentRequest, ListAgentsResponse } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { presentAgent } from './agent.presenter.js';
import { listAgents } from './agent.repository.js';
import { createAgent } from './commands/create-agent.js';

export function registerTeamRoutes(app: HttpServer, ctx: AppContext) {
  app.get('/api/v1/team/agents', {
    schema: { summary: "The shop's agents", tags: ['team'], response: { 200: ListAgentsResponse } },
  }, async (request) => ({ agents: (await listAgents(ctx.storage.db, agentOf(request).shopId)).map(presentAgent) }));

  app.post('/api/v1/team/agents', {
    schema: {
      summary: 'Add an agent (owner: any role; manager: presale, aftersale, support)', tags: ['team'],
      body: CreateAgentRequest, response: { 201: AgentResponse },
    },
  }, async (request, reply) => {
    const agent = await createAgent({ app: ctx, actor: agentOf(request) }, request.body);
    return reply.status(201).send({ agent });
  });
}
