import {
  can,
  IMPORT_CONTENT_TYPES,
  MeasureFactsQuery,
  MeasureFactsResponse,
  MeasuresExportQuery,
  MeasuresQuery,
  MeasuresResponse,
  MeasureTargets,
  RebuildMeasuresResponse,
  ResponseDistribution,
  SatisfactionBreakdown,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf, type AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { attachmentHeader } from '../../platform/http/table-files.js';
import { rebuildMeasures } from './commands/rebuild-measures.js';
import { factFilterOf } from './measure-range.js';
import { readMeasureTargets, writeMeasureTargets } from './measure-targets.js';
import { listAgentNames, type FactFilter } from './measures.repository.js';
import { exportMeasures } from './queries/export-measures.js';
import { measureFacts } from './queries/measure-facts.js';
import { measureFigures } from './queries/measure-figures.js';
import { responseDistribution } from './queries/response-distribution.js';
import { satisfactionBreakdown } from './queries/satisfaction-breakdown.js';

const tags = ['measures'];
const RangeQuery = MeasuresQuery.omit({ by: true });

export function registerMeasuresRoutes(app: HttpServer, ctx: AppContext) {
  /**
   * Whose figures the agent may read: anyone's with 查看团队绩效, else only their own (an agent asking for the team
   * gets their own row; asking for a colleague or a group is forbidden). An agent id not of the shop is not found.
   */
  async function scopedFilter(
    agent: AgentPrincipal,
    query: { from: string; to: string; agentId?: string; group?: string },
  ): Promise<FactFilter> {
    const filter = factFilterOf(agent.shopId, query);
    if (!can(agent, 'measures.view_team')) {
      if ((query.agentId && query.agentId !== agent.agentId) || query.group) throw new AppError('forbidden');
      return { ...filter, agentId: agent.agentId };
    }
    if (query.agentId && !(await listAgentNames(ctx.storage.db, agent.shopId)).has(query.agentId)) {
      throw new AppError('not_found', { thing: 'agent' });
    }
    return filter;
  }

  app.get(
    '/api/v1/measures',
    {
      schema: {
        summary:
          '绩效: the figures (response, 询单转化, 催付, 售后, 满意度, online time) per agent, group, day or hour, with the total',
        tags,
        querystring: MeasuresQuery,
        response: { 200: MeasuresResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      return measureFigures(ctx, await scopedFilter(agent, request.query), request.query.by);
    },
  );

  app.get(
    '/api/v1/measures/distribution',
    {
      schema: {
        summary: 'How counted turns spread over response times',
        tags,
        querystring: RangeQuery,
        response: { 200: ResponseDistribution },
      },
    },
    async (request) => responseDistribution(ctx, await scopedFilter(agentOf(request), request.query)),
  );

  app.get(
    '/api/v1/measures/satisfaction',
    {
      schema: {
        summary: '满意度 by score and by reason',
        tags,
        querystring: RangeQuery,
        response: { 200: SatisfactionBreakdown },
      },
    },
    async (request) => satisfactionBreakdown(ctx, await scopedFilter(agentOf(request), request.query)),
  );

  app.get(
    '/api/v1/measures/facts',
    {
      schema: {
        summary: 'The rows behind a figure (turns, inquiries, reminders, ratings, cases, online time), a page at a time',
        tags,
        querystring: MeasureFactsQuery,
        response: { 200: MeasureFactsResponse },
      },
    },
    async (request) => {
      const { kind, day, hour, limit, offset } = request.query;
      const filter = await scopedFilter(agentOf(request), request.query);
      return measureFacts(
        ctx,
        filter,
        kind,
        { ...(day ? { day } : {}), ...(hour !== undefined ? { hour } : {}) },
        { limit, offset },
      );
    },
  );

  app.get(
    '/api/v1/measures/export',
    {
      schema: {
        summary: 'Download the figures or a kind of facts as CSV (UTF-8 with BOM) or xlsx',
        tags,
        querystring: MeasuresExportQuery,
      },
    },
    async (request, reply) => {
      const { table, format, by, day, hour } = request.query;
      const cell = { ...(day ? { day } : {}), ...(hour !== undefined ? { hour } : {}) };
      const file = await exportMeasures(ctx, await scopedFilter(agentOf(request), request.query), table, by, format, cell);
      return reply
        .header('content-type', format === 'csv' ? `${IMPORT_CONTENT_TYPES.csv}; charset=utf-8` : IMPORT_CONTENT_TYPES.xlsx)
        .header('content-disposition', attachmentHeader(file.asciiName, file.name))
        .send(file.bytes);
    },
  );

  app.get(
    '/api/v1/measures/targets',
    { schema: { summary: "The shop's targets (绩效目标) drawn on the charts", tags, response: { 200: MeasureTargets } } },
    async (request) => readMeasureTargets(ctx.storage.db, agentOf(request).shopId),
  );

  app.put(
    '/api/v1/measures/targets',
    {
      schema: {
        summary: 'Set the targets (owner, manager); null leaves a figure without one',
        tags,
        body: MeasureTargets,
        response: { 200: MeasureTargets },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'measures.configure');
      await writeMeasureTargets(ctx.storage.db, agent.shopId, request.body);
      return readMeasureTargets(ctx.storage.db, agent.shopId);
    },
  );

  app.post(
    '/api/v1/measures/rebuild',
    {
      schema: {
        summary: "Rebuild the shop's turns and inquiries from its messages (after an import of history or a rule change)",
        tags,
        body: z.object({}).optional(),
        response: { 200: RebuildMeasuresResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'measures.configure');
      return rebuildMeasures(ctx, { shopId: agent.shopId });
    },
  );
}
