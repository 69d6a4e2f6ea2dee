import { can, CompleteTaskRequest, ListTasksQuery, ListTasksResponse, TaskResponse, type TaskView } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { completeTask } from './commands/complete-task.js';
import { taskSourcesOf } from './task-sources.js';
import { inboxRolesOf } from './task.policy.js';
import { presentTask } from './task.presenter.js';
import { listTasks } from './task.repository.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['cases'];

export function registerTaskRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/tasks',
    {
      schema: {
        summary: "协同任务: my inbox (mine and my role's: 仓库, 财务, 质检, 回访), or the shop's (managers: scope=all)",
        tags,
        querystring: ListTasksQuery,
        response: { 200: ListTasksResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const all = request.query.scope === 'all' && can(agent, 'cases.assign_others');
      const rows = await listTasks(
        ctx.storage.db,
        agent.shopId,
        {
          status: request.query.status,
          caseId: request.query.caseId,
          inbox: all || request.query.caseId ? undefined : { roles: inboxRolesOf(agent), agentId: agent.agentId },
        },
        300,
      );
      const own = rows.map((row) => presentTask(row, ctx.now()));
      // One inbox: tasks other modules keep (催付 calls) come along, except in one case's list.
      if (request.query.caseId) return { tasks: own };
      const scope = all ? 'all' : 'mine';
      const others = await Promise.all(
        taskSourcesOf(ctx).map((source) => source.list(ctx, agent, { scope, status: request.query.status })),
      );
      return { tasks: sortInbox([...own, ...others.flat()]) };
    },
  );

  app.post(
    '/api/v1/tasks/:id/complete',
    {
      schema: {
        summary: 'Finish a task (warehouse: with the parcel; QC: with the finding); its case moves on',
        tags,
        params: Params,
        body: CompleteTaskRequest,
        response: { 200: TaskResponse },
      },
    },
    async (request) => ({
      task: await completeTask({ app: ctx, actor: agentOf(request) }, { taskId: request.params.id, ...request.body }),
    }),
  );
}

/** Open tasks first, by due time; then the finished ones, most recent first. */
function sortInbox(tasks: TaskView[]): TaskView[] {
  const open = tasks.filter((t) => t.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const closed = tasks.filter((t) => t.status !== 'open').sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
  return [...open, ...closed];
}
