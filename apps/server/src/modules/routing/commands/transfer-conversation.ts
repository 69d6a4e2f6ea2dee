import {
  can,
  serverText,
  statusWord,
  type Handoff,
  type RoutingSettings,
  type TransferConversationRequest,
} from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import {
  announceConversations,
  findConversation,
  insertAssignment,
  publishStoredMessages,
  writeSystemMessage,
} from '../../conversations/index.js';
import { placeBuyer } from '../place-buyer.js';
import { refreshQueuePlacesSoon } from '../queue-places.js';
import { loadRoutingPool, type PoolAgent } from '../routing-pool.js';
import { readRoutingSettings } from '../routing-settings.js';
import { lockAgentLoad, moveAssignee } from '../routing.repository.js';
import { fillFreeSlots } from './fill-free-slots.js';

/**
 * 转接: the agent serving a buyer (or a manager, for anyone's) hands them to a colleague who takes buyers now and has
 * room, or to a group (its next free member, else its queue). The note is what the next agent reads first; the buyer
 * reads a short system line. The hand-over is recorded for the measures.
 */
export async function transferConversation(
  ctx: CommandContext<AgentPrincipal>,
  conversationId: string,
  request: TransferConversationRequest,
): Promise<void> {
  const { app, actor } = ctx;
  const db = app.storage.db;
  requireCapability(actor, 'conversations.transfer');
  const conversation = await findConversation(db, actor.shopId, conversationId);
  if (!conversation) throw new AppError('not_found', { thing: 'conversation' });
  if (conversation.status !== 'open') {
    throw new AppError('conversation_state_forbids', {
      status: '已结束',
      statusEn: 'closed',
      action: '转接',
      actionEn: 'transfer it',
    });
  }
  const fromAgentId = conversation.assignee_id;
  if (fromAgentId && fromAgentId !== actor.agentId && !can(actor, 'conversations.take_over')) throw new AppError('forbidden');

  const settings = await readRoutingSettings(db, actor.shopId);
  const pool = await loadRoutingPool(app, actor.shopId, settings);
  const at = app.now().toISOString();
  const handoff: Handoff = { kind: 'transferred', note: request.note, fromAgent: { id: actor.agentId, name: actor.name }, at };
  const handoffJson = JSON.stringify(handoff);
  let to: { zh: string; en: string };
  // The buyer leaves their agent (if any) for a colleague or a group's queue, recorded with the note.
  const handOver = async (trx: Transaction<Database>, toAgentId: string | null, group: string | null) => {
    const moved = await moveAssignee(trx, {
      shopId: actor.shopId,
      conversationId,
      fromAgentId,
      toAgentId,
      group,
      at,
      handoffJson,
    });
    if (!moved) throw new AppError('conflict', { detail: '会话刚被他人处理 / the conversation just changed' });
    await insertAssignment(trx, {
      id: newId(),
      shop_id: actor.shopId,
      conversation_id: conversationId,
      kind: 'transferred',
      agent_id: toAgentId,
      from_agent_id: fromAgentId,
      group_key: group,
      actor_id: actor.agentId,
      note: request.note || null,
      at,
    });
  };

  if (request.toAgentId) {
    const target = pool.find((agent) => agent.id === request.toAgentId);
    if (!target) throw new AppError('not_found', { thing: 'agent' });
    if (target.id === fromAgentId) throw new AppError('transfer_to_self');
    refuseUnavailable(target);
    const group = conversation.group_key ?? target.groups[0] ?? null;
    await db.transaction().execute(async (trx) => {
      const held = await lockAgentLoad(trx, target.id);
      if (!held || held.load >= target.capacity) refuseUnavailable({ ...target, load: target.capacity });
      await handOver(trx, target.id, group);
    });
    to = { zh: target.name, en: target.name };
  } else {
    const group = settings.groups.find((g) => g.key === request.toGroup);
    if (!group) throw new AppError('routing_group_unknown', { group: request.toGroup ?? '' });
    await db.transaction().execute((trx) => handOver(trx, null, group.key));
    const from = pool.find((agent) => agent.id === fromAgentId);
    if (from) from.load -= 1;
    if (settings.autoAssign) {
      await placeBuyer(app, settings, pool, {
        shopId: actor.shopId,
        conversationId,
        group: group.key,
        kind: 'transferred',
        exclude: new Set([actor.agentId]),
        fromAgentId,
        actorId: actor.agentId,
        note: request.note || null,
        handoffJson,
      });
    }
    to = groupNames(settings, group.key);
  }

  await tellBuyer(ctx, conversation.buyer_id, to);
  await announceConversations(app, actor.shopId, [conversationId]);
  // The agent who let the buyer go has a free slot now.
  if (fromAgentId) await fillFreeSlots(app, actor.shopId);
  else await refreshQueuePlacesSoon(app, actor.shopId);
}

function refuseUnavailable(target: PoolAgent): void {
  const state =
    !target.present || target.status === 'offline'
      ? 'offline'
      : target.status === 'busy'
        ? 'busy'
        : target.load >= target.capacity
          ? 'full'
          : null;
  if (!state) return;
  throw new AppError('agent_unavailable', {
    name: target.name,
    state: statusWord('agentStatus', state, 'zh-CN'),
    stateEn: statusWord('agentStatus', state, 'en'),
  });
}

/** The group as the buyer reads it (售后客服), or its own name. */
function groupNames(settings: RoutingSettings, key: string): { zh: string; en: string } {
  const own = settings.groups.find((group) => group.key === key)?.name;
  if (own) return { zh: own, en: own };
  return { zh: `${statusWord('routingGroup', key, 'zh-CN')}客服`, en: `${statusWord('routingGroup', key, 'en')} service` };
}

async function tellBuyer(ctx: CommandContext<AgentPrincipal>, buyerId: string, to: { zh: string; en: string }) {
  const { app, actor } = ctx;
  const line = serverText('conversation.transferred', { to: to.zh, toEn: to.en });
  const stored = await app.storage.db.transaction().execute((trx) =>
    writeSystemMessage(trx, {
      shopId: actor.shopId,
      buyerId,
      body: line.text,
      payload: { notice: line.coded },
      at: app.now().toISOString(),
    }),
  );
  publishStoredMessages(app, [stored], ['system']);
}
