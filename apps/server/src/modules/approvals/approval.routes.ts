import { ApprovalResponse, DecideApprovalRequest, ListApprovalsQuery, ListApprovalsResponse } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { presentApproval } from './approval.presenter.js';
import { listApprovals } from './approval.repository.js';
import { decideApproval } from './commands/decide-approval.js';

const Params = z.object({ id: z.string().max(64) });

export function registerApprovalRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/approvals',
    {
      schema: {
        summary: "Approval requests (改价 beyond an agent's limit), newest first",
        tags: ['orders'],
        querystring: ListApprovalsQuery,
        response: { 200: ListApprovalsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const rows = await listApprovals(ctx.storage.db, agent.shopId, request.query.status, 200);
      return { approvals: rows.map(presentApproval) };
    },
  );

  for (const [verb, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/api/v1/approvals/:id/${verb}`,
      {
        schema: {
          summary: `${verb === 'approve' ? 'Approve' : 'Reject'} a request (owner, manager)`,
          tags: ['orders'],
          params: Params,
          body: DecideApprovalRequest,
          response: { 200: ApprovalResponse },
        },
      },
      async (request) =>
        decideApproval(
          { app: ctx, actor: agentOf(request) },
          { approvalId: request.params.id, decision, note: request.body.note },
        ),
    );
  }
}
