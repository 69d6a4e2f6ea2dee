import {
  BroadcastAudienceQuery,
  BroadcastAudienceResponse,
  BroadcastInput,
  BroadcastResponse,
  ListBroadcastRecipientsQuery,
  ListBroadcastRecipientsResponse,
  ListBroadcastsResponse,
  StartBroadcastRequest,
  type SegmentFilter,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { findSegment, listMatchingBuyers } from '../crm/index.js';
import { loadShopHours } from '../shop-hours/index.js';
import { presentBroadcast } from './broadcast.presenter.js';
import {
  findBroadcast,
  listBroadcasts,
  listOptedOutBuyerIds,
  listRecipients,
  MAX_RECIPIENTS,
  type BroadcastRow,
} from './broadcast.repository.js';
import { createBroadcast, deleteBroadcast, updateBroadcast } from './commands/save-broadcast.js';
import { cancelBroadcast, startBroadcast } from './commands/start-broadcast.js';
import { broadcastStats } from './queries/broadcast-stats.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['broadcasts'];

/** 群发: broadcasts to a customer segment (owner/manager manage them; every agent reads them and their figures). */
export function registerBroadcastRoutes(app: HttpServer, ctx: AppContext) {
  const db = ctx.storage.db;
  const view = async (row: BroadcastRow) =>
    presentBroadcast(row, await broadcastStats(db, row.id), await loadShopHours(db, row.shop_id), ctx.now());
  const load = async (shopId: string, id: string) => {
    const row = await findBroadcast(db, shopId, id);
    if (!row) throw new AppError('not_found', { thing: 'broadcast' });
    return { broadcast: await view(row) };
  };

  app.get(
    '/api/v1/broadcasts',
    {
      schema: {
        summary: 'Broadcasts (newest first, at most 100) with their figures',
        tags,
        response: { 200: ListBroadcastsResponse },
      },
    },
    async (request) => {
      const rows = await listBroadcasts(db, agentOf(request).shopId);
      const broadcasts = [];
      for (const row of rows) broadcasts.push(await view(row));
      return { broadcasts };
    },
  );

  app.get(
    '/api/v1/broadcasts/audience',
    {
      schema: {
        summary: 'Who a segment reaches now: members, blacklisted, opted out, reachable',
        tags,
        querystring: BroadcastAudienceQuery,
        response: { 200: BroadcastAudienceResponse },
      },
    },
    async (request) => {
      const shopId = agentOf(request).shopId;
      const segment = await findSegment(db, shopId, request.query.segmentId);
      if (!segment) throw new AppError('not_found', { thing: 'segment' });
      const members = await listMatchingBuyers(
        db,
        shopId,
        JSON.parse(segment.filter_json) as SegmentFilter,
        ctx.now(),
        MAX_RECIPIENTS,
      );
      const open = members.filter((m) => !m.blocked).map((m) => m.id);
      const optedOut = (await listOptedOutBuyerIds(db, open)).length;
      const blocked = members.length - open.length;
      return { members: members.length, blocked, optedOut, reachable: open.length - optedOut };
    },
  );

  app.post(
    '/api/v1/broadcasts',
    {
      schema: {
        summary: 'Create a broadcast as a draft (owner, manager)',
        tags,
        body: BroadcastInput,
        response: { 200: BroadcastResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const id = await createBroadcast({ app: ctx, actor: agent }, request.body);
      return load(agent.shopId, id);
    },
  );

  app.get(
    '/api/v1/broadcasts/:id',
    {
      schema: { summary: 'One broadcast with its figures', tags, params: Params, response: { 200: BroadcastResponse } },
    },
    async (request) => load(agentOf(request).shopId, request.params.id),
  );

  app.put(
    '/api/v1/broadcasts/:id',
    {
      schema: {
        summary: 'Change a draft (owner, manager)',
        tags,
        params: Params,
        body: BroadcastInput,
        response: { 200: BroadcastResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await updateBroadcast({ app: ctx, actor: agent }, request.params.id, request.body);
      return load(agent.shopId, request.params.id);
    },
  );

  app.delete(
    '/api/v1/broadcasts/:id',
    {
      schema: {
        summary: 'Delete a draft (owner, manager)',
        tags,
        params: Params,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deleteBroadcast({ app: ctx, actor: agentOf(request) }, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/broadcasts/:id/start',
    {
      schema: {
        summary: 'Start a draft now or at scheduledAt (owner, manager)',
        tags,
        params: Params,
        body: StartBroadcastRequest.optional(),
        response: { 200: BroadcastResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await startBroadcast({ app: ctx, actor: agent }, request.params.id, request.body?.scheduledAt);
      return load(agent.shopId, request.params.id);
    },
  );

  app.post(
    '/api/v1/broadcasts/:id/cancel',
    {
      schema: {
        summary: 'Cancel: nobody still pending gets it (owner, manager)',
        tags,
        params: Params,
        response: { 200: BroadcastResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await cancelBroadcast({ app: ctx, actor: agent }, request.params.id);
      return load(agent.shopId, request.params.id);
    },
  );

  app.get(
    '/api/v1/broadcasts/:id/recipients',
    {
      schema: {
        summary: 'Recipients (paged): sent / skipped with reason / pending, read and replied',
        tags,
        params: Params,
        querystring: ListBroadcastRecipientsQuery,
        response: { 200: ListBroadcastRecipientsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      if (!(await findBroadcast(db, agent.shopId, request.params.id))) throw new AppError('not_found', { thing: 'broadcast' });
      const { page, pageSize, status } = request.query;
      const { total, rows } = await listRecipients(db, request.params.id, { status, page, pageSize });
      return {
        total,
        page,
        pageSize,
        recipients: rows.map((r) => ({
          buyerId: r.buyer_id,
          buyerNick: r.nick,
          status: r.status as 'pending',
          reason: r.reason,
          sentAt: r.sent_at,
          read: Number(r.read) === 1,
          replied: Number(r.replied) === 1,
        })),
      };
    },
  );
}
