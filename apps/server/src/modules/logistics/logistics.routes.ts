import {
  AddTrackingNoteRequest,
  CARRIERS,
  CarriersResponse,
  CourierRulesResponse,
  ExceptionResponse,
  findCarrier,
  ListExceptionsQuery,
  ListExceptionsResponse,
  LogisticsSettings,
  LogisticsSettingsResponse,
  OrderActionResponse,
  pickCourier,
  QuoteQuery,
  QuoteResponse,
  ResolveExceptionRequest,
  SaveCourierRulesRequest,
  ShipOrderRequest,
  TrackingResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { recordAudit } from '../audit/index.js';
import { actionAnswerForViewer } from '../orders/index.js';
import { findOrderWithItems } from '../orders/index.js';
import { addTrackingNote } from './commands/add-tracking-note.js';
import { resolveException } from './commands/resolve-exception.js';
import { saveCourierRules } from './commands/save-courier-rules.js';
import { shipOrder, updateTrackingNumber } from './commands/ship-order.js';
import { listCourierRules } from './courier-rule.repository.js';
import { countOpenExceptions, listExceptions } from './exception.repository.js';
import { readLogisticsSettings, writeLogisticsSettings } from './logistics-settings.js';
import { listTrackingEvents } from './tracking.repository.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['logistics'];

/** Carriers, courier rules and quotes, exceptions, notice settings, and the order's parcel (发货, timeline). */
export function registerLogisticsRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/logistics/carriers',
    {
      schema: { summary: 'Built-in carriers and whether the shop uses each', tags, response: { 200: CarriersResponse } },
    },
    async (request) => {
      const settings = await readLogisticsSettings(ctx.storage.db, agentOf(request).shopId);
      return {
        carriers: CARRIERS.map((c) => ({
          code: c.code,
          name: c.name,
          short: c.short,
          pattern: c.pattern.source,
          example: c.example,
          enabled: settings.enabledCarriers.includes(c.code),
        })),
      };
    },
  );

  app.get(
    '/api/v1/logistics/settings',
    {
      schema: { summary: 'Enabled carriers, no-update days, buyer notices', tags, response: { 200: LogisticsSettingsResponse } },
    },
    async (request) => ({ settings: await readLogisticsSettings(ctx.storage.db, agentOf(request).shopId) }),
  );

  app.put(
    '/api/v1/logistics/settings',
    {
      schema: {
        summary: 'Change the logistics settings (owner, manager)',
        tags,
        body: LogisticsSettings,
        response: { 200: LogisticsSettingsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'logistics.configure');
      const now = ctx.now().toISOString();
      await ctx.storage.db.transaction().execute(async (trx) => {
        const before = await readLogisticsSettings(trx, agent.shopId);
        await writeLogisticsSettings(trx, agent.shopId, request.body);
        await recordAudit(trx, {
          shopId: agent.shopId,
          actor: { kind: 'agent', id: agent.agentId, name: agent.name },
          action: 'logistics.settings_changed',
          targetType: 'shop',
          targetId: agent.shopId,
          before,
          after: request.body,
          at: now,
        });
      });
      return { settings: await readLogisticsSettings(ctx.storage.db, agent.shopId) };
    },
  );

  app.get(
    '/api/v1/logistics/rules',
    {
      schema: { summary: "快递选择原则及资费标准: the shop's courier rules", tags, response: { 200: CourierRulesResponse } },
    },
    async (request) => ({ rules: await listCourierRules(ctx.storage.db, agentOf(request).shopId) }),
  );

  app.put(
    '/api/v1/logistics/rules',
    {
      schema: {
        summary: 'Replace the courier rules (owner, manager)',
        tags,
        body: SaveCourierRulesRequest,
        response: { 200: CourierRulesResponse },
      },
    },
    async (request) => ({ rules: await saveCourierRules({ app: ctx, actor: agentOf(request) }, request.body) }),
  );

  app.get(
    '/api/v1/logistics/quote',
    {
      schema: {
        summary: 'Which courier the rules pick for a province and weight, and the cost',
        tags,
        querystring: QuoteQuery,
        response: { 200: QuoteResponse },
      },
    },
    async (request) => {
      const { shopId } = agentOf(request);
      const [rules, settings] = await Promise.all([
        listCourierRules(ctx.storage.db, shopId),
        readLogisticsSettings(ctx.storage.db, shopId),
      ]);
      const quote = pickCourier(rules, request.query.province, request.query.weightKg, settings.enabledCarriers);
      if (!quote.province) throw new AppError('unknown_province', { province: request.query.province });
      return {
        province: quote.province,
        weightKg: request.query.weightKg,
        choice: quote.choice,
        alternatives: quote.alternatives,
      };
    },
  );

  app.get(
    '/api/v1/logistics/exceptions',
    {
      schema: {
        summary: 'Logistics exceptions: open ones oldest first, or resolved ones',
        tags,
        querystring: ListExceptionsQuery,
        response: { 200: ListExceptionsResponse },
      },
    },
    async (request) => {
      const { shopId } = agentOf(request);
      return {
        exceptions: await listExceptions(ctx.storage.db, shopId, request.query),
        openCount: await countOpenExceptions(ctx.storage.db, shopId),
      };
    },
  );

  app.post(
    '/api/v1/logistics/exceptions/:id/resolve',
    {
      config: { capability: 'logistics.follow_up' },
      schema: {
        summary: '处理: close an exception with a note (logistics.follow_up: every serving role by default)',
        tags,
        params: Params,
        body: ResolveExceptionRequest,
        response: { 200: ExceptionResponse },
      },
    },
    async (request) => ({
      exception: await resolveException({ app: ctx, actor: agentOf(request) }, request.params.id, request.body),
    }),
  );

  app.get(
    '/api/v1/orders/:id/tracking',
    {
      schema: {
        summary: 'The parcel: carrier, number, timeline newest first, open exceptions',
        tags,
        params: Params,
        response: { 200: TrackingResponse },
      },
    },
    async (request) => {
      const { shopId } = agentOf(request);
      const found = await findOrderWithItems(ctx.storage.db, shopId, request.params.id);
      if (!found) throw new AppError('not_found', { thing: 'order' });
      const { order } = found;
      const events = await listTrackingEvents(ctx.storage.db, shopId, order.id);
      const exceptions = await listExceptions(ctx.storage.db, shopId, { status: 'open', limit: 20, orderId: order.id });
      return {
        orderId: order.id,
        orderNo: order.order_no,
        status: order.status,
        carrier: order.carrier,
        carrierCode: findCarrier(order.carrier)?.code ?? null,
        trackingNo: order.tracking_no,
        current: events.find((e) => e.status !== 'note')?.status ?? null,
        events,
        exceptions,
      };
    },
  );

  app.post(
    '/api/v1/orders/:id/tracking/notes',
    {
      config: { capability: 'logistics.follow_up' },
      schema: {
        summary: "An agent's note on the parcel's timeline (internal)",
        tags,
        params: Params,
        body: AddTrackingNoteRequest,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await addTrackingNote({ app: ctx, actor: agentOf(request) }, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/orders/:id/ship',
    {
      schema: {
        summary: '发货: paid → shipped with carrier and tracking number (owner, manager, aftersale, support)',
        tags: ['orders'],
        params: Params,
        body: ShipOrderRequest,
        response: { 200: OrderActionResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      return actionAnswerForViewer(await shipOrder({ app: ctx, actor: agent }, request.params.id, request.body), agent);
    },
  );

  app.post(
    '/api/v1/orders/:id/tracking-number',
    {
      schema: {
        summary: '修改运单号 of a shipped order',
        tags: ['orders'],
        params: Params,
        body: ShipOrderRequest,
        response: { 200: OrderActionResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      return actionAnswerForViewer(
        await updateTrackingNumber({ app: ctx, actor: agent }, request.params.id, request.body),
        agent,
      );
    },
  );
}
