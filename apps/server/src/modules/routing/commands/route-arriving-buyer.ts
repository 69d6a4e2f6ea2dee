import type { EntryKind, Message } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { findConversation } from '../../conversations/index.js';
import { assignIfRoom } from '../assignment.js';
import { chooseGroup } from '../choose-group.js';
import { joinQueue, tellPlaceAtBack } from '../queue-places.js';
import { candidatesFor, loadRoutingPool, takesNewBuyers } from '../routing-pool.js';
import { readRoutingSettings } from '../routing-settings.js';
import { findLastAgentSince, setConversationGroup, viewedProductSince } from '../routing.repository.js';
import { fillFreeSlots } from './fill-free-slots.js';

/** A buyer wrote into a conversation nobody serves (new, or reopened after 结束). */
export interface ArrivingBuyer {
  shopId: string;
  conversationId: string;
  /** The message that brought them (its text feeds keyword rules). */
  message: Message;
}

/**
 * Routes an arriving buyer: the rules pick the group; a returning buyer goes back to their last agent within the
 * sticky hours when that agent takes buyers and has room; otherwise the group's queue is served in order (this buyer
 * after those who waited longer). A buyer left waiting is told their place, and the busy auto-reply may answer.
 * In a rush (nobody with room) an arrival costs reads and one write, off the message path's group commits.
 */
export async function routeArrivingBuyer(app: AppContext, arriving: ArrivingBuyer): Promise<void> {
  const db = app.storage.db;
  const { shopId, conversationId, message } = arriving;
  const settings = await readRoutingSettings(db, shopId);
  if (!settings.autoAssign) return tellPlaceAtBack(app, shopId, conversationId);
  const conversation = await findConversation(db, shopId, conversationId);
  if (!conversation || conversation.status !== 'open' || conversation.assignee_id) return;

  const at = new Date(message.createdAt);
  const entry = await entryOf(app, shopId, conversation.buyer_id, message);
  const { group } = await chooseGroup(app, settings, {
    shopId,
    buyerId: conversation.buyer_id,
    entry,
    text: message.kind === 'text' ? message.body : '',
    at,
  });
  const pool = await loadRoutingPool(app, shopId, settings);

  if (settings.stickyHours > 0) {
    const since = new Date(app.now().getTime() - settings.stickyHours * 3600_000).toISOString();
    const lastAgentId = await findLastAgentSince(db, conversationId, since);
    const last = pool.find((agent) => agent.id === lastAgentId);
    if (last && takesNewBuyers(last) && last.load < last.capacity) {
      const outcome = await assignIfRoom(app, {
        shopId,
        conversationId,
        agentId: last.id,
        group,
        kind: 'routed',
        note: 'sticky',
      });
      // Taken by their agent (or meanwhile by someone else): they never queued, nobody's place changed.
      if (outcome !== 'full') return;
    }
  }

  const strategy = settings.groups.find((g) => g.key === group)?.strategy ?? 'least_busy';
  if (candidatesFor(pool, group, strategy).length > 0) {
    // Room in the group: its queue is served in order, this buyer after those who waited longer.
    await setConversationGroup(db, conversationId, group, entry);
    if ((await fillFreeSlots(app, shopId, { groups: [group] })).has(conversationId)) return;
    await tellPlaceAtBack(app, shopId, conversationId);
  } else {
    await joinQueue(app, { shopId, conversationId, group, entry });
  }
  app.bus.publish({ type: 'conversation.queued', shopId, conversationId, group, triggerMessageId: message.id });
}

/** A product page viewed this recently counts as chatting from it. */
const ENTRY_WINDOW_MS = 10 * 60_000;

/**
 * Where the buyer came from: an order card sent → the order page; a product card, or a product page viewed in the
 * last minutes (the widget reports views) → the product page; else the shop.
 */
async function entryOf(app: AppContext, shopId: string, buyerId: string, message: Message): Promise<EntryKind> {
  if (message.kind === 'order') return 'order';
  if (message.kind === 'product') return 'product';
  const since = new Date(Date.parse(message.createdAt) - ENTRY_WINDOW_MS).toISOString();
  return (await viewedProductSince(app.storage.db, shopId, buyerId, since)) ? 'product' : 'shop';
}
