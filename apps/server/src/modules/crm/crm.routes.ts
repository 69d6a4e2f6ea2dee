import {
  BlockRequest,
  CreateTagRequest,
  CustomerCrmResponse,
  ListCustomersQuery,
  ListCustomersResponse,
  ListSegmentsResponse,
  ListTagsResponse,
  NoteRequest,
  NoteResponse,
  SegmentRequest,
  SegmentResponse,
  SetBuyerTagsRequest,
  SetCustomerTypeRequest,
  SetVipRequest,
  TagResponse,
  UpdateTagRequest,
  type SegmentFilter,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf, type AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { blockBuyer } from './commands/block-buyer.js';
import { addNote, editNote, removeNote } from './commands/buyer-notes.js';
import { changeTag, createTag, removeTag } from './commands/manage-tags.js';
import { changeSegment, createSegment, removeSegment } from './commands/segments.js';
import { setBuyerTags } from './commands/set-buyer-tags.js';
import { setCustomerType } from './commands/set-customer-type.js';
import { setVipLevel } from './commands/set-vip-level.js';
import { unblockBuyer } from './commands/unblock-buyer.js';
import { findSegment, listSegments, listTags, tagsOfBuyers } from './crm.repository.js';
import { presentCustomerRow, presentSegment, presentTag } from './crm.presenter.js';
import { listCustomerRows } from './customer-list.repository.js';
import { loadCustomerCrm } from './queries/load-crm.js';

const BuyerParams = z.object({ buyerId: z.string().max(64) });
const NoteParams = BuyerParams.extend({ noteId: z.string().max(64) });
const IdParams = z.object({ id: z.string().max(64) });
const Ok = z.object({ ok: z.literal(true) });

/** The query's filter fields, on top of a saved segment's when one is named. */
function filterOf(query: z.infer<typeof ListCustomersQuery>, saved: SegmentFilter): SegmentFilter {
  const tagIds = query.tagIds
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (tagIds && tagIds.length > 20) throw new AppError('invalid_input', { detail: 'tagIds: at most 20' });
  const given: SegmentFilter = {
    tagIds,
    vipMin: query.vipMin,
    customerType: query.customerType,
    orderCountMin: query.orderCountMin,
    orderCountMax: query.orderCountMax,
    spentMinFen: query.spentMinFen,
    silentDays: query.silentDays,
    blocked: query.blocked === undefined ? undefined : query.blocked === 'true',
    province: query.province,
    q: query.q,
  };
  const merged: SegmentFilter = { ...saved };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  return merged;
}

/** Customer 360 (客户): list and segments, tags, notes, type, VIP, blacklist. Every route is the agent's own shop. */
export function registerCrmRoutes(app: HttpServer, ctx: AppContext) {
  const crmOf = async (agent: AgentPrincipal, buyerId: string) => ({
    crm: await loadCustomerCrm(ctx.storage.db, agent.shopId, buyerId, agent),
  });

  app.get(
    '/api/v1/customers',
    {
      schema: {
        summary: 'Buyers matching a filter or saved segment, paged and sorted (客户列表)',
        tags: ['customers'],
        querystring: ListCustomersQuery,
        response: { 200: ListCustomersResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { query } = request;
      let saved: SegmentFilter = {};
      if (query.segmentId) {
        const segment = await findSegment(ctx.storage.db, agent.shopId, query.segmentId);
        if (!segment) throw new AppError('not_found', { thing: 'segment' });
        saved = presentSegment(segment).filter;
      }
      const { total, rows } = await listCustomerRows(ctx.storage.db, agent.shopId, filterOf(query, saved), {
        now: ctx.now(),
        sort: query.sort,
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      });
      const tags = await tagsOfBuyers(
        ctx.storage.db,
        agent.shopId,
        rows.map((r) => r.id),
      );
      return {
        customers: rows.map((r) => presentCustomerRow(r, tags.get(r.id) ?? [])),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/customers/:buyerId/crm',
    {
      schema: {
        summary: 'Tags, notes, type, addresses, blacklist of a buyer',
        tags: ['customers'],
        params: BuyerParams,
        response: { 200: CustomerCrmResponse },
      },
    },
    async (request) => crmOf(agentOf(request), request.params.buyerId),
  );

  app.put(
    '/api/v1/customers/:buyerId/type',
    {
      schema: {
        summary: 'Set the customer type (客户类型); null clears it',
        tags: ['customers'],
        params: BuyerParams,
        body: SetCustomerTypeRequest,
        response: { 200: CustomerCrmResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await setCustomerType(
        { app: ctx, actor: agent },
        { buyerId: request.params.buyerId, customerType: request.body.customerType },
      );
      return crmOf(agent, request.params.buyerId);
    },
  );

  app.put(
    '/api/v1/customers/:buyerId/vip',
    {
      schema: {
        summary: 'Set the VIP level 0–5 (owner, manager)',
        tags: ['customers'],
        params: BuyerParams,
        body: SetVipRequest,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await setVipLevel(
        { app: ctx, actor: agentOf(request) },
        { buyerId: request.params.buyerId, vipLevel: request.body.vipLevel },
      );
      return { ok: true as const };
    },
  );

  app.put(
    '/api/v1/customers/:buyerId/tags',
    {
      schema: {
        summary: "Replace the buyer's tags",
        tags: ['customers'],
        params: BuyerParams,
        body: SetBuyerTagsRequest,
        response: { 200: CustomerCrmResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await setBuyerTags({ app: ctx, actor: agent }, { buyerId: request.params.buyerId, tagIds: request.body.tagIds });
      return crmOf(agent, request.params.buyerId);
    },
  );

  app.post(
    '/api/v1/customers/:buyerId/notes',
    {
      schema: {
        summary: 'Add a note (备注) to the buyer',
        tags: ['customers'],
        params: BuyerParams,
        body: NoteRequest,
        response: { 200: NoteResponse },
      },
    },
    async (request) => ({
      note: await addNote({ app: ctx, actor: agentOf(request) }, { buyerId: request.params.buyerId, text: request.body.text }),
    }),
  );

  app.patch(
    '/api/v1/customers/:buyerId/notes/:noteId',
    {
      schema: {
        summary: 'Edit a note (author, owner, manager)',
        tags: ['customers'],
        params: NoteParams,
        body: NoteRequest,
        response: { 200: NoteResponse },
      },
    },
    async (request) => ({
      note: await editNote({ app: ctx, actor: agentOf(request) }, { ...request.params, text: request.body.text }),
    }),
  );

  app.delete(
    '/api/v1/customers/:buyerId/notes/:noteId',
    {
      schema: {
        summary: 'Delete a note (author, owner, manager)',
        tags: ['customers'],
        params: NoteParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await removeNote({ app: ctx, actor: agentOf(request) }, request.params);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/customers/:buyerId/block',
    {
      schema: {
        summary: 'Blacklist the buyer: messages are stored but held, no new chat (owner, manager)',
        tags: ['customers'],
        params: BuyerParams,
        body: BlockRequest,
        response: { 200: CustomerCrmResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await blockBuyer({ app: ctx, actor: agent }, { buyerId: request.params.buyerId, reason: request.body.reason });
      return crmOf(agent, request.params.buyerId);
    },
  );

  app.post(
    '/api/v1/customers/:buyerId/unblock',
    {
      schema: {
        summary: 'Take the buyer off the blacklist; held messages show again (owner, manager)',
        tags: ['customers'],
        params: BuyerParams,
        response: { 200: CustomerCrmResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await unblockBuyer({ app: ctx, actor: agent }, { buyerId: request.params.buyerId });
      return crmOf(agent, request.params.buyerId);
    },
  );

  app.get(
    '/api/v1/customer-tags',
    {
      schema: {
        summary: "The shop's customer tags with how many buyers carry each",
        tags: ['customers'],
        response: { 200: ListTagsResponse },
      },
    },
    async (request) => ({ tags: (await listTags(ctx.storage.db, agentOf(request).shopId)).map(presentTag) }),
  );

  app.post(
    '/api/v1/customer-tags',
    {
      schema: {
        summary: 'Create a tag (owner, manager)',
        tags: ['customers'],
        body: CreateTagRequest,
        response: { 200: TagResponse },
      },
    },
    async (request) => ({ tag: await createTag({ app: ctx, actor: agentOf(request) }, request.body) }),
  );

  app.patch(
    '/api/v1/customer-tags/:id',
    {
      schema: {
        summary: 'Rename or recolour a tag (owner, manager)',
        tags: ['customers'],
        params: IdParams,
        body: UpdateTagRequest,
        response: { 200: TagResponse },
      },
    },
    async (request) => ({
      tag: await changeTag({ app: ctx, actor: agentOf(request) }, { tagId: request.params.id, ...request.body }),
    }),
  );

  app.delete(
    '/api/v1/customer-tags/:id',
    {
      schema: {
        summary: 'Delete a tag from the shop and all buyers (owner, manager)',
        tags: ['customers'],
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await removeTag({ app: ctx, actor: agentOf(request) }, { tagId: request.params.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/segments',
    {
      schema: { summary: 'Saved customer segments (客户分群)', tags: ['customers'], response: { 200: ListSegmentsResponse } },
    },
    async (request) => ({ segments: (await listSegments(ctx.storage.db, agentOf(request).shopId)).map(presentSegment) }),
  );

  app.post(
    '/api/v1/segments',
    {
      schema: {
        summary: 'Save a segment (owner, manager)',
        tags: ['customers'],
        body: SegmentRequest,
        response: { 200: SegmentResponse },
      },
    },
    async (request) => ({ segment: await createSegment({ app: ctx, actor: agentOf(request) }, request.body) }),
  );

  app.put(
    '/api/v1/segments/:id',
    {
      schema: {
        summary: 'Change a segment (owner, manager)',
        tags: ['customers'],
        params: IdParams,
        body: SegmentRequest,
        response: { 200: SegmentResponse },
      },
    },
    async (request) => ({
      segment: await changeSegment({ app: ctx, actor: agentOf(request) }, { segmentId: request.params.id, ...request.body }),
    }),
  );

  app.delete(
    '/api/v1/segments/:id',
    {
      schema: { summary: 'Delete a segment (owner, manager)', tags: ['customers'], params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await removeSegment({ app: ctx, actor: agentOf(request) }, { segmentId: request.params.id });
      return { ok: true as const };
    },
  );
}
