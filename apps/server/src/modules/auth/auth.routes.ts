import {
  AgentStatusResponse,
  BUILT_IN_ROLE_NAMES,
  isBuiltInRole,
  type AgentStatus,
  LoginRequest,
  LoginResponse,
  MeResponse,
  SetAgentStatusRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { findShopById } from '../shops/index.js';
import { findAgent, findRoleColumn } from './agent.repository.js';
import { presentAgent } from './agent.presenter.js';
import { logIn } from './commands/log-in.js';
import { logOut } from './commands/log-out.js';
import { setAgentStatus } from './commands/set-agent-status.js';

export function registerAuthRoutes(app: HttpServer, ctx: AppContext) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public' },
      schema: { summary: 'Agent sign-in', tags: ['agents'], security: [], body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (request) => logIn(ctx, { ...request.body, address: request.ip }),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        summary: 'Sign out: ends this token (and its open streams) at once',
        tags: ['agents'],
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await logOut(ctx, agentOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: { summary: 'The signed-in agent and shop', tags: ['agents'], response: { 200: MeResponse } },
    },
    async (request) => {
      const principal = agentOf(request);
      const [agent, shop, role] = await Promise.all([
        findAgent(ctx.storage.db, principal.shopId, principal.agentId),
        findShopById(ctx.storage.db, principal.shopId),
        findRoleColumn(ctx.storage.db, principal.shopId, principal.role),
      ]);
      if (!agent || !shop) throw new AppError('invalid_token');
      // My own status as I set it (my workbench may still be connecting); colleagues see 离线 while none is open.
      const view = { ...presentAgent({ ...agent, role_name: role?.name }), status: (agent.status ?? 'online') as AgentStatus };
      const language = languageOf(request.headers['accept-language']);
      return {
        agent: view,
        shop: { id: shop.id, slug: shop.slug, name: shop.name },
        roleName: isBuiltInRole(agent.role) ? BUILT_IN_ROLE_NAMES[agent.role][language] : (role?.name ?? agent.role),
        // As authenticated for this request: the role's column of the matrix now.
        capabilities: [...principal.capabilities],
      };
    },
  );

  app.put(
    '/api/v1/me/status',
    {
      schema: {
        summary: 'Set my status: online, busy (挂起: keeps my buyers, takes no new ones) or offline',
        tags: ['agents'],
        body: SetAgentStatusRequest,
        response: { 200: AgentStatusResponse },
      },
    },
    async (request) => ({ status: await setAgentStatus({ app: ctx, actor: agentOf(request) }, request.body.status) }),
  );
}
