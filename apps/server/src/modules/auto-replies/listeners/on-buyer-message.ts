import { isWithinBusinessHours, matchesKeywords, prepareKeywordText } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { DomainEvent } from '../../../platform/events/domain-events.js';
import { newId } from '../../../platform/ids.js';
import { findConversation, summariseWaitingQueue } from '../../conversations/index.js';
import { readRoutingSettings } from '../../routing/index.js';
import { loadShopHours } from '../../shop-hours/index.js';
import { enabledRulesOf, isFirstContact, rememberBuyerMessage } from '../auto-reply-memory.js';
import { hasPendingDelayedReply, insertDelayedReply, keywordsOf, paramsOf, type AutoReplyRow } from '../auto-reply.repository.js';
import { fireAutoReply } from '../fire-auto-reply.js';

type MessageCreated = Extract<DomainEvent, { type: 'message.created' }>;

/**
 * Only a buyer's own message starts automation: never a bot, system or agent message, never anything written by
 * automation (origin), never a blacklisted buyer's held message. So a bot reply containing a keyword triggers nothing.
 */
export function startsAutomation(event: DomainEvent): event is MessageCreated {
  return event.type === 'message.created' && event.origin === 'buyer' && event.message.sender === 'buyer' && !event.held;
}

/**
 * A buyer wrote: answer with the shop's rules, in this order —
 * 1. welcome, on first contact: the conversation's first buyer message ever, or the first after the buyer was
 *    silent `afterHours` (when set);
 * 2. offline, outside business hours or on a holiday — otherwise (抢单 mode; with automatic assignment routing
 *    fires it when nobody has room) busy, when this buyer waits unassigned and more than `maxQueue` conversations
 *    wait or the longest wait reached `maxWaitSeconds`;
 * 3. keyword (text only): the first enabled rule by priority whose keyword matches;
 * 4. delayed: inside business hours, a reply is scheduled `delaySeconds` later unless an agent answers first.
 * Each reply is sent once per (rule, buyer message) by whichever process gets there first.
 */
export async function onBuyerMessage(app: AppContext, event: MessageCreated): Promise<void> {
  const db = app.storage.db;
  const { shopId, conversationId, message } = event;
  const rules = await enabledRulesOf(app, shopId);
  const at = new Date(message.createdAt);
  const first = (kind: string) => rules.find((r) => r.kind === kind);
  const welcome = first('welcome');
  const firstContact = welcome && (await isFirstContact(app, conversationId, message.seq, at, paramsOf(welcome).afterHours));
  rememberBuyerMessage(app, conversationId, message.seq, at);
  if (rules.length === 0) return;
  const fire = (rule: AutoReplyRow) => fireAutoReply(app, { rule, shopId, conversationId, triggerMessageId: message.id });

  if (welcome && firstContact) await fire(welcome);

  const offline = first('offline');
  const busy = first('busy');
  const delayed = first('delayed');
  const open = offline || delayed ? isWithinBusinessHours(await loadShopHours(db, shopId), at) : true;
  if (offline && !open) await fire(offline);
  // With automatic assignment routing says when nobody has room (conversation.queued, see on-buyer-queued.ts).
  else if (busy && !(await readRoutingSettings(db, shopId)).autoAssign && (await isBusy(app, shopId, conversationId, at, busy))) {
    await fire(busy);
  }

  if (message.kind === 'text') {
    const keyword = findKeywordRule(rules, message.body);
    if (keyword) await fire(keyword);
  }

  if (delayed && open) await scheduleDelayed(app, delayed, event);
}

/**
 * The first keyword rule (in the given priority order) that the buyer's text matches. The text is normalised once
 * for all rules, and every comparison is a linear scan, so a huge punctuation-only message costs linear time.
 */
export function findKeywordRule(rules: readonly AutoReplyRow[], body: string): AutoReplyRow | undefined {
  const text = prepareKeywordText(body);
  if (!text.value) return undefined;
  return rules.find(
    (r) => r.kind === 'keyword' && matchesKeywords(text, keywordsOf(r), r.match_mode === 'exact' ? 'exact' : 'contains'),
  );
}

async function isBusy(app: AppContext, shopId: string, conversationId: string, at: Date, rule: AutoReplyRow): Promise<boolean> {
  const db = app.storage.db;
  const mine = await findConversation(db, shopId, conversationId);
  // A buyer an agent is already serving is not in the queue.
  if (!mine || mine.assignee_id) return false;
  // The 待接待 queue as agents see it: open, unassigned, waiting, not blacklisted.
  const queue = await summariseWaitingQueue(db, shopId);
  const { maxQueue, maxWaitSeconds } = paramsOf(rule);
  if (queue.waiting > maxQueue) return true;
  const oldest = queue.oldestWaitingSince;
  return maxWaitSeconds > 0 && !!oldest && at.getTime() - Date.parse(oldest) >= maxWaitSeconds * 1000;
}

/** One pending delayed reply per conversation: a buyer writing three lines in a row waits since the first. */
async function scheduleDelayed(app: AppContext, rule: AutoReplyRow, event: MessageCreated) {
  const db = app.storage.db;
  if (await hasPendingDelayedReply(db, event.conversationId, rule.id)) return;
  const dueAt = new Date(Date.parse(event.message.createdAt) + paramsOf(rule).delaySeconds * 1000).toISOString();
  await insertDelayedReply(db, {
    id: newId(),
    shop_id: event.shopId,
    rule_id: rule.id,
    conversation_id: event.conversationId,
    trigger_message_id: event.message.id,
    trigger_seq: event.message.seq,
    due_at: dueAt,
    status: 'pending',
    created_at: app.now().toISOString(),
  });
}
