import type { QualityRule } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import {
  findConversationBuyers,
  findLatestSessions,
  insertHits,
  listFarewellSeqs,
  upsertSessions,
} from '../quality-inspection.repository.js';
import { readQualityRules } from '../quality-rules.js';
import { inspectMessage, serviceKeyAfter, type HitRow, type InspectedMessage, type SessionRow } from '../quality-sessions.js';

/** A relayed message for the inspection (plain data: it travels to the SQLite writer thread). */
export interface InspectionInput {
  shopId: string;
  conversationId: string;
  message: InspectedMessage;
}

/** Where applyInspectionBatch lives, for the SQLite writer thread to load it. */
export const INSPECTION_WRITER_MODULE = import.meta.url;

/**
 * Inspects a batch of relayed messages in the writer's transaction (on SQLite: the writer thread): reads the latest
 * session of every conversation at once, folds the messages in order in memory, and writes the changed sessions and
 * the new hits in a few statements. A message folded already (a replay after a crash) changes nothing.
 */
export async function applyInspectionBatch(trx: Queryable, inputs: InspectionInput[]): Promise<null[]> {
  const conversationIds = [...new Set(inputs.map((input) => input.conversationId))];
  const latest = await findLatestSessions(trx, conversationIds);
  const unknown = conversationIds.filter((id) => !latest.has(id));
  const [buyers, farewells] = await Promise.all([findConversationBuyers(trx, unknown), listFarewellSeqs(trx, unknown)]);
  const rules = new Map<string, readonly QualityRule[]>();
  for (const shopId of new Set(inputs.map((input) => input.shopId))) {
    rules.set(shopId, (await readQualityRules(trx, shopId)).rules);
  }
  // A conversation no session is known of yet: its first session belongs to the 满意度 session after the last 结束 before it.
  const serviceKeys = new Map<string, string>();
  for (const id of unknown) {
    const first = Math.min(...inputs.filter((input) => input.conversationId === id).map((input) => input.message.seq));
    const before = (farewells.get(id) ?? []).filter((seq) => seq < first).at(-1);
    serviceKeys.set(id, serviceKeyAfter(before ?? 0));
  }

  const changed = new Map<string, SessionRow>();
  const hits: HitRow[] = [];
  for (const { shopId, conversationId, message } of inputs) {
    const current = latest.get(conversationId);
    const buyerId = current?.buyer_id ?? buyers.get(conversationId);
    if (!buyerId) continue;
    if (message.farewell && !current) serviceKeys.set(conversationId, serviceKeyAfter(message.seq));
    const step = inspectMessage(current, message, {
      shopId,
      conversationId,
      buyerId,
      rules: rules.get(shopId) ?? [],
      serviceKey: serviceKeys.get(conversationId) ?? serviceKeyAfter(0),
      newId,
    });
    if (!step) continue;
    for (const session of step.sessions) changed.set(session.id, session);
    latest.set(conversationId, step.sessions.at(-1)!);
    hits.push(...step.hits);
  }
  await upsertSessions(trx, [...changed.values()]);
  await insertHits(trx, hits);
  return inputs.map(() => null);
}
