import { can, ListAuditQuery, ListAuditResponse } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { presentAudit } from './audit.presenter.js';
import { listAudit } from './audit.repository.js';

const MAX_ENTRIES = 500;

export function registerAuditRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        summary: 'Audit log of the shop, newest first (filter by target); owner, and managers with personal data masked',
        tags: ['orders'],
        querystring: ListAuditQuery,
        response: { 200: ListAuditResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'audit.read');
      const rows = await listAudit(ctx.storage.db, agent.shopId, {
        targetType: request.query.targetType,
        targetId: request.query.targetId,
        limit: Math.min(request.query.limit ?? 100, MAX_ENTRIES),
      });
      return { entries: rows.map((row) => presentAudit(row, { personalData: can(agent, 'audit.read_personal_data') })) };
    },
  );
}
