import {
  ListReminderTasksQuery,
  PaymentReminderSettings,
  PaymentReminderSettingsResponse,
  RecordReminderOutcomeRequest,
  ReminderStatsQuery,
  ReminderStatsResponse,
  ReminderTaskResponse,
  ReminderTasksResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { recordAudit } from '../audit/index.js';
import { assignReminderTask, recordReminderOutcome } from './commands/work-reminder-task.js';
import { presentReminderTask } from './payment-reminder.presenter.js';
import { listReminderTasks } from './payment-reminder.repository.js';
import { reminderStats } from './queries/reminder-stats.js';
import { readReminderSettings, writeReminderSettings } from './reminder-settings.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['payment-reminders'];

/** 催付: the shop's reminder settings, the figures by day, and the phone/SMS follow-up tasks for support. */
export function registerPaymentReminderRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/reminders/settings',
    {
      schema: {
        summary: '催付 settings: delays, cap, template, incentive, task threshold',
        tags,
        response: { 200: PaymentReminderSettingsResponse },
      },
    },
    async (request) => ({ settings: await readReminderSettings(ctx.storage.db, agentOf(request).shopId) }),
  );

  app.put(
    '/api/v1/reminders/settings',
    {
      schema: {
        summary: 'Change the 催付 settings (owner, manager)',
        tags,
        body: PaymentReminderSettings,
        response: { 200: PaymentReminderSettingsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'payment_reminders.configure');
      const now = ctx.now().toISOString();
      await ctx.storage.db.transaction().execute(async (trx) => {
        const before = await readReminderSettings(trx, agent.shopId);
        await writeReminderSettings(trx, agent.shopId, request.body);
        await recordAudit(trx, {
          shopId: agent.shopId,
          actor: { kind: 'agent', id: agent.agentId, name: agent.name },
          action: 'payment_reminder.settings_changed',
          targetType: 'shop',
          targetId: agent.shopId,
          before,
          after: request.body,
          at: now,
        });
      });
      return { settings: await readReminderSettings(ctx.storage.db, agent.shopId) };
    },
  );

  app.get(
    '/api/v1/reminders/stats',
    {
      schema: {
        summary:
          '催付 figures per China-time day: reminded, paid within 24 h of the first reminder, success rate, amount recovered',
        tags,
        querystring: ReminderStatsQuery,
        response: { 200: ReminderStatsResponse },
      },
    },
    async (request) => reminderStats(ctx.storage.db, agentOf(request).shopId, ctx.now(), request.query),
  );

  app.get(
    '/api/v1/reminder-tasks',
    {
      schema: {
        summary: 'Phone/SMS follow-up tasks (open ones by call window)',
        tags,
        querystring: ListReminderTasksQuery,
        response: { 200: ReminderTasksResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'payment_reminders.work_tasks');
      const rows = await listReminderTasks(ctx.storage.db, agent.shopId, {
        status: request.query.status,
        assigneeId: request.query.mine === '1' ? agent.agentId : undefined,
      });
      return { tasks: rows.map((row) => presentReminderTask(row, agent)) };
    },
  );

  app.post(
    '/api/v1/reminder-tasks/:id/assign',
    {
      schema: { summary: 'Take a follow-up task (assign to me)', tags, params: Params, response: { 200: ReminderTaskResponse } },
    },
    async (request) => ({ task: await assignReminderTask({ app: ctx, actor: agentOf(request) }, { taskId: request.params.id }) }),
  );

  app.post(
    '/api/v1/reminder-tasks/:id/outcome',
    {
      schema: {
        summary: 'Record how the call went and close the task',
        tags,
        params: Params,
        body: RecordReminderOutcomeRequest,
        response: { 200: ReminderTaskResponse },
      },
    },
    async (request) => ({
      task: await recordReminderOutcome({ app: ctx, actor: agentOf(request) }, { taskId: request.params.id, ...request.body }),
    }),
  );
}
