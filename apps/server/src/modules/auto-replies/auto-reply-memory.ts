import type { AppContext } from '../../platform/app-context.js';
import { findPreviousBuyerMessage } from '../conversations/index.js';
import { listEnabledRules, type AutoReplyRow } from './auto-reply.repository.js';

/**
 * A safety net for changes made outside the rule commands (SQL by hand, another process whose notice was lost):
 * a cached rule list is read again at least this often. Changes through the commands take effect at once.
 */
const RULES_TTL_MS = 5_000;
/** Conversations whose last buyer message this process remembers; the oldest are forgotten first. */
const MAX_REMEMBERED_CONVERSATIONS = 50_000;

interface Memory {
  rules: Map<string, { rules: Promise<AutoReplyRow[]>; loadedAt: number }>;
  lastBuyerMessage: Map<string, { seq: number; at: number }>;
}

const memories = new WeakMap<AppContext, Memory>();

function memoryOf(app: AppContext): Memory {
  let memory = memories.get(app);
  if (!memory) memories.set(app, (memory = { rules: new Map(), lastBuyerMessage: new Map() }));
  return memory;
}

/**
 * The shop's enabled rules, by priority. Cached per process so answering a buyer message costs no query; the rule
 * commands call forgetEnabledRules, which also tells the other processes.
 */
export function enabledRulesOf(app: AppContext, shopId: string): Promise<AutoReplyRow[]> {
  const cache = memoryOf(app).rules;
  const cached = cache.get(shopId);
  // Wall-clock (not the app clock): this is the cache's age, not a business rule.
  if (cached && performance.now() - cached.loadedAt < RULES_TTL_MS) return cached.rules;
  const rules = listEnabledRules(app.storage.db, shopId);
  cache.set(shopId, { rules, loadedAt: performance.now() });
  rules.catch(() => cache.get(shopId)?.rules === rules && cache.delete(shopId));
  return rules;
}

/** After a rule of the shop changed (committed): this process and, through the bus, every other one reads them again. */
export function forgetEnabledRules(app: AppContext, shopId: string): void {
  memoryOf(app).rules.delete(shopId);
  app.bus.publish({ type: 'auto_reply.rules_changed', shopId });
}

/** Drops cached rules when any process changed a shop's rules. Returns the way to stop listening. */
export function listenForRuleChanges(app: AppContext): () => void {
  return app.bus.subscribe((event) => {
    if (event.type === 'auto_reply.rules_changed') memoryOf(app).rules.delete(event.shopId);
  });
}

/**
 * Whether the buyer message `seq` of the conversation is first contact: no earlier buyer message, or (afterHours > 0)
 * the previous one is at least afterHours old. Answered from memory when this process saw a recent enough earlier
 * buyer message of the conversation (messages are never deleted, so "not first" stays true), else by one query.
 */
export async function isFirstContact(
  app: AppContext,
  conversationId: string,
  seq: number,
  at: Date,
  afterHours: number,
): Promise<boolean> {
  const remembered = memoryOf(app).lastBuyerMessage.get(conversationId);
  const window = afterHours * 3_600_000;
  if (remembered && remembered.seq < seq && (afterHours <= 0 || remembered.at > at.getTime() - window)) return false;
  // Nothing came before the conversation's first message.
  if (seq === 1) return true;
  const previous = await findPreviousBuyerMessage(app.storage.db, conversationId, seq);
  if (!previous) return true;
  return afterHours > 0 && Date.parse(previous.created_at) <= at.getTime() - window;
}

/** Remembers a buyer message this process handled, for the next isFirstContact of its conversation. */
export function rememberBuyerMessage(app: AppContext, conversationId: string, seq: number, at: Date): void {
  const remembered = memoryOf(app).lastBuyerMessage;
  const before = remembered.get(conversationId);
  if (before && before.seq >= seq) return;
  // Re-inserted so the Map's order is least recently written first.
  remembered.delete(conversationId);
  remembered.set(conversationId, { seq, at: at.getTime() });
  if (remembered.size > MAX_REMEMBERED_CONVERSATIONS) remembered.delete(remembered.keys().next().value!);
}
