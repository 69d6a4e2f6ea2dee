import {
  AttachEvidenceRequest,
  BuyerCaseResponse,
  BuyerCasesResponse,
  BuyerOpenCaseRequest,
  ReturnTrackingRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { buyerOf, type BuyerPrincipal } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import type { CaseOutcome } from './case-command.js';
import { presentBuyerCase } from './case.presenter.js';
import { findCaseRecord, listBuyerCaseRecords } from './case.repository.js';
import { attachEvidence } from './commands/attach-evidence.js';
import { cancelCaseByBuyer } from './commands/cancel-case.js';
import { openCase } from './commands/open-case.js';
import { setReturnTracking } from './commands/set-return-tracking.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['widget'];

/** A buyer the shop signed in: cases need to know whose orders they are. */
function verifiedBuyerOf(request: Parameters<typeof buyerOf>[0]): BuyerPrincipal {
  const buyer = buyerOf(request);
  if (!buyer.verified) throw new AppError('identity_required');
  return buyer;
}

/** The buyer's side of after-sales (我的订单 → 申请售后, 我的售后): their own cases only, in their view. */
export function registerCaseWidgetRoutes(app: HttpServer, ctx: AppContext) {
  const caseOf = async (outcome: CaseOutcome, buyer: BuyerPrincipal, acceptLanguage: string | undefined) => {
    const record = (await findCaseRecord(ctx.storage.db, buyer.shopId, outcome.caseId))!;
    return presentBuyerCase(record, languageOf(acceptLanguage));
  };

  app.get(
    '/api/v1/widget/cases',
    {
      config: { auth: 'buyer' },
      schema: { summary: "The signed-in buyer's after-sales cases (我的售后)", tags, response: { 200: BuyerCasesResponse } },
    },
    async (request) => {
      const buyer = verifiedBuyerOf(request);
      const records = await listBuyerCaseRecords(ctx.storage.db, buyer.shopId, buyer.buyerId);
      const language = languageOf(request.headers['accept-language']);
      return { cases: records.map((r) => presentBuyerCase(r, language)) };
    },
  );

  app.post(
    '/api/v1/widget/cases',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: '申请售后 on one of my orders (the same requestId again returns the same case)',
        tags,
        body: BuyerOpenCaseRequest,
        response: { 201: BuyerCaseResponse },
      },
    },
    async (request, reply) => {
      const buyer = verifiedBuyerOf(request);
      const record = await openCase({ app: ctx, actor: buyer }, request.body);
      return reply.status(201).send({ case: presentBuyerCase(record, languageOf(request.headers['accept-language'])) });
    },
  );

  app.post(
    '/api/v1/widget/cases/:id/return-tracking',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: 'I sent the goods back: the parcel (the case moves to 待商家收货)',
        tags,
        params: Params,
        body: ReturnTrackingRequest,
        response: { 200: BuyerCaseResponse },
      },
    },
    async (request) => {
      const buyer = verifiedBuyerOf(request);
      const outcome = await setReturnTracking({ app: ctx, actor: buyer }, { caseId: request.params.id, ...request.body });
      return { case: await caseOf(outcome, buyer, request.headers['accept-language']) };
    },
  );

  app.post(
    '/api/v1/widget/cases/:id/evidence',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: 'File a photo I uploaded (POST /api/v1/widget/uploads) under a checklist item of my case',
        tags,
        params: Params,
        body: AttachEvidenceRequest,
        response: { 200: BuyerCaseResponse },
      },
    },
    async (request) => {
      const buyer = verifiedBuyerOf(request);
      const outcome = await attachEvidence({ app: ctx, actor: buyer }, { caseId: request.params.id, ...request.body });
      return { case: await caseOf(outcome, buyer, request.headers['accept-language']) };
    },
  );

  app.post(
    '/api/v1/widget/cases/:id/cancel',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: '撤销申请: withdraw my request before the shop acted on it',
        tags,
        params: Params,
        body: z.object({}).optional(),
        response: { 200: BuyerCaseResponse },
      },
    },
    async (request) => {
      const buyer = verifiedBuyerOf(request);
      const outcome = await cancelCaseByBuyer({ app: ctx, actor: buyer }, request.params.id);
      return { case: await caseOf(outcome, buyer, request.headers['accept-language']) };
    },
  );
}
