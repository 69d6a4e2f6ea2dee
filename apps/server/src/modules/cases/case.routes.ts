import {
  CaseFiguresQuery,
  CaseFiguresResponse,
  CaseResponse,
  CompensateRequest,
  CompensateResponse,
  ListCasesQuery,
  ListCasesResponse,
  MarkGuideStepRequest,
  OpenCaseRequest,
  TransitionCaseRequest,
  UpdateCaseRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { findApproval, presentApproval } from '../approvals/index.js';
import type { CaseOutcome } from './case-command.js';
import { presentCase } from './case.presenter.js';
import { findCaseRecord, listCaseRecords } from './case.repository.js';
import { compensateCase } from './commands/compensate-case.js';
import { markGuideStep } from './commands/mark-guide-step.js';
import { openCase } from './commands/open-case.js';
import { requestEvidence } from './commands/request-evidence.js';
import { transitionCase } from './commands/transition-case.js';
import { updateCase } from './commands/update-case.js';
import { caseFigures } from './queries/case-figures.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['cases'];

export function registerCaseRoutes(app: HttpServer, ctx: AppContext) {
  /** The case after a command, worded in the caller's language. */
  const caseOf = async (outcome: CaseOutcome, shopId: string, acceptLanguage: string | undefined) => {
    const record = (await findCaseRecord(ctx.storage.db, shopId, outcome.caseId))!;
    return presentCase(record, { now: ctx.now(), language: languageOf(acceptLanguage) });
  };

  app.post(
    '/api/v1/cases',
    {
      schema: {
        summary: '售后: open a case on an order (the same requestId again returns the same case)',
        tags,
        body: OpenCaseRequest,
        response: { 201: CaseResponse },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const record = await openCase({ app: ctx, actor: agent }, request.body);
      const view = presentCase(record, { now: ctx.now(), language: languageOf(request.headers['accept-language']) });
      return reply.status(201).send({ case: view });
    },
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        summary: "The shop's cases: mine (assignee=me), the team's, overdue; by type and state",
        tags,
        querystring: ListCasesQuery,
        response: { 200: ListCasesResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { query } = request;
      const records = await listCaseRecords(
        ctx.storage.db,
        agent.shopId,
        {
          state: query.state,
          type: query.type,
          assigneeId: query.assignee === 'me' ? agent.agentId : query.assignee,
          buyerId: query.buyerId,
          orderId: query.orderId,
          status: query.status,
          overdueAt: query.overdue === 'true' || query.overdue === '1' ? ctx.now().toISOString() : undefined,
        },
        300,
      );
      const reading = { now: ctx.now(), language: languageOf(request.headers['accept-language']) };
      return { cases: records.map((r) => presentCase(r, reading)) };
    },
  );

  app.get(
    '/api/v1/cases/figures',
    {
      schema: {
        summary:
          'Figures of cases opened in a period: by type and state, time to resolve, within SLA, refunds, goodwill per agent',
        tags,
        querystring: CaseFiguresQuery,
        response: { 200: CaseFiguresResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      requireCapability(agent, 'cases.see_figures');
      return { figures: await caseFigures(ctx, agent.shopId, request.query) };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    { schema: { summary: 'One case with its timeline', tags, params: Params, response: { 200: CaseResponse } } },
    async (request) => {
      const agent = agentOf(request);
      const record = await findCaseRecord(ctx.storage.db, agent.shopId, request.params.id);
      // Another shop's case is as unknown as a missing one.
      if (!record) throw new AppError('not_found', { thing: 'case' });
      return { case: presentCase(record, { now: ctx.now(), language: languageOf(request.headers['accept-language']) }) };
    },
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        summary: 'Assign a case (yourself; managers: anyone), set its return address, or note on its timeline',
        tags,
        params: Params,
        body: UpdateCaseRequest,
        response: { 200: CaseResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const outcome = await updateCase({ app: ctx, actor: agent }, { caseId: request.params.id, ...request.body });
      return { case: await caseOf(outcome, agent.shopId, request.headers['accept-language']) };
    },
  );

  app.post(
    '/api/v1/cases/:id/transitions',
    {
      schema: {
        summary: "Move a case along its type's state machine (409 when the machine does not allow it)",
        tags,
        params: Params,
        body: TransitionCaseRequest,
        response: { 200: CaseResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const outcome = await transitionCase({ app: ctx, actor: agent }, { caseId: request.params.id, ...request.body });
      return { case: await caseOf(outcome, agent.shopId, request.headers['accept-language']) };
    },
  );

  app.post(
    '/api/v1/cases/:id/compensations',
    {
      schema: {
        summary:
          "Goodwill (coupon, cash, return shipping, partial refund): within the role's limit 200, beyond it 202 + approval",
        tags,
        params: Params,
        body: CompensateRequest,
        response: { 200: CompensateResponse, 202: CompensateResponse },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const outcome = await compensateCase({ app: ctx, actor: agent }, { caseId: request.params.id, ...request.body });
      const view = await caseOf(outcome, agent.shopId, request.headers['accept-language']);
      if (outcome.result === 'approval_requested') {
        const approval = presentApproval((await findApproval(ctx.storage.db, agent.shopId, outcome.approvalId!))!);
        return reply.status(202).send({ result: 'approval_requested', approval, case: view });
      }
      return reply.status(200).send({ result: 'applied', case: view });
    },
  );

  app.post(
    '/api/v1/cases/:id/evidence-requests',
    {
      schema: {
        summary: "Ask the buyer for the type's photos (the widget shows the checklist; the chat says what to upload)",
        tags,
        params: Params,
        body: z.object({}).optional(),
        response: { 200: CaseResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const outcome = await requestEvidence({ app: ctx, actor: agent }, request.params.id);
      return { case: await caseOf(outcome, agent.shopId, request.headers['accept-language']) };
    },
  );

  app.post(
    '/api/v1/cases/:id/guide-steps',
    {
      schema: {
        summary: 'Tick a step of the complaint guide (安抚 → 查明原因 → 表明立场 → 全力解决 → 真诚道歉 → 感谢理解)',
        tags,
        params: Params,
        body: MarkGuideStepRequest,
        response: { 200: CaseResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const outcome = await markGuideStep({ app: ctx, actor: agent }, { caseId: request.params.id, ...request.body });
      return { case: await caseOf(outcome, agent.shopId, request.headers['accept-language']) };
    },
  );
}
