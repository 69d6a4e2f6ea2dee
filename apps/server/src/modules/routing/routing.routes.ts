import { MonitorResponse, RoutingSettings, RoutingSettingsResponse, TransferConversationRequest } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { changeRoutingSettings } from './commands/change-routing-settings.js';
import { transferConversation } from './commands/transfer-conversation.js';
import { monitorSnapshot } from './queries/monitor-snapshot.js';
import { readRoutingSettings } from './routing-settings.js';

const tags = ['routing'];

export function registerRoutingRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/settings/routing',
    {
      schema: {
        summary: '分流: groups and strategies, rules, the after-sales rule, sticky hours, reassignment and alert times',
        tags,
        response: { 200: RoutingSettingsResponse },
      },
    },
    async (request) => ({ routing: await readRoutingSettings(ctx.storage.db, agentOf(request).shopId) }),
  );

  app.put(
    '/api/v1/settings/routing',
    {
      schema: {
        summary: 'Change the routing settings (owner, manager); rules must name groups the shop has',
        tags,
        body: RoutingSettings,
        response: { 200: RoutingSettingsResponse },
      },
    },
    async (request) => ({ routing: await changeRoutingSettings({ app: ctx, actor: agentOf(request) }, request.body) }),
  );

  app.post(
    '/api/v1/conversations/:id/transfer',
    {
      schema: {
        summary:
          '转接: hand the buyer to a colleague (toAgentId) or a group (toGroup) with a note; the buyer reads a system line',
        tags: ['agents'],
        params: z.object({ id: z.string().max(64) }),
        body: TransferConversationRequest,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await transferConversation({ app: ctx, actor: agentOf(request) }, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/monitor',
    {
      schema: {
        summary: "实时监控 (managers): queues per group with the longest waits, each agent's status, load and unanswered buyers",
        tags,
        response: { 200: MonitorResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'monitor.view');
      return monitorSnapshot(ctx, agent.shopId, languageOf(request.headers['accept-language']));
    },
  );
}
