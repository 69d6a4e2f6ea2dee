import {
  ChangePriceRequest,
  ChangeReceiverRequest,
  ChangeSkuRequest,
  CloseOrderRequest,
  OrderActionResponse,
  OrderResponse,
  SetMemoRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf, type AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import type { CommandContext } from '../../platform/app-context.js';
import { changePrice } from './commands/change-price.js';
import { changeReceiver } from './commands/change-receiver.js';
import { changeSku } from './commands/change-sku.js';
import { closeOrder } from './commands/close-order.js';
import { setMemo } from './commands/set-memo.js';
import { actionAnswerForViewer, orderForViewer, presentOrder } from './order.presenter.js';
import { findOrderWithItems } from './order.repository.js';

const Params = z.object({ id: z.string().max(64) });

/** Each action: POST /api/v1/orders/:id/<action>, answered with the order or the approval it became. */
const ACTIONS = [
  {
    path: 'change-price',
    body: ChangePriceRequest,
    run: changePrice,
    summary: '改价 (unpaid; beyond the role limit → approval request)',
  },
  {
    path: 'change-receiver',
    body: ChangeReceiverRequest,
    run: changeReceiver,
    summary: 'Change receiver and address (before shipping)',
  },
  { path: 'change-sku', body: ChangeSkuRequest, run: changeSku, summary: 'Change the SKU of a line (before shipping)' },
  { path: 'memo', body: SetMemoRequest, run: setMemo, summary: 'Seller memo (备注) with a flag colour' },
  { path: 'close', body: CloseOrderRequest, run: closeOrder, summary: 'Close an unpaid order with a reason' },
] as const;

export function registerOrderRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/orders/:id',
    {
      schema: { summary: 'One order', tags: ['orders'], params: Params, response: { 200: OrderResponse } },
    },
    async (request) => {
      const agent = agentOf(request);
      const order = await findOrderWithItems(ctx.storage.db, agent.shopId, request.params.id);
      if (!order) throw new AppError('not_found', { thing: 'order' });
      return { order: orderForViewer(presentOrder(order), agent) };
    },
  );

  for (const action of ACTIONS) {
    app.post(
      `/api/v1/orders/:id/${action.path}`,
      {
        schema: {
          summary: action.summary,
          tags: ['orders'],
          params: Params,
          body: action.body,
          response: { 200: OrderActionResponse, 202: OrderActionResponse },
        },
      },
      async (request, reply) => {
        const run = action.run as (c: CommandContext<AgentPrincipal>, id: string, body: unknown) => Promise<OrderActionResponse>;
        const agent = agentOf(request);
        const result = await run({ app: ctx, actor: agent }, request.params.id, request.body);
        return reply.status(result.result === 'approval_requested' ? 202 : 200).send(actionAnswerForViewer(result, agent));
      },
    );
  }
}
