import { AftersalePolicy, AftersalePolicyResponse } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { readAftersalePolicy } from './case.policy.js';
import { changeAftersalePolicy } from './commands/change-aftersale-policy.js';

const tags = ['cases'];

export function registerAftersalePolicyRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/settings/aftersale-policy',
    {
      schema: {
        summary: '售后政策: windows, refund freezes, product exceptions, SLAs, goodwill authority, guide phrases',
        tags,
        response: { 200: AftersalePolicyResponse },
      },
    },
    async (request) => ({ policy: await readAftersalePolicy(ctx.storage.db, agentOf(request).shopId) }),
  );

  app.put(
    '/api/v1/settings/aftersale-policy',
    {
      schema: {
        summary: "Change the policy (owner, manager; each role's goodwill limit: the owner only)",
        tags,
        body: AftersalePolicy,
        response: { 200: AftersalePolicyResponse },
      },
    },
    async (request) => ({ policy: await changeAftersalePolicy({ app: ctx, actor: agentOf(request) }, request.body) }),
  );
}
