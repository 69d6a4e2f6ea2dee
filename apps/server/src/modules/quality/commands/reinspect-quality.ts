import type { ReinspectQualityResponse } from '@golddesk/contracts';
import type { AppContext, CommandContext } from '../../../platform/app-context.js';
import { inProcessRunner, sqliteWorkerRunner } from '../../../platform/db/batch-runner.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { recordAgentAudit } from '../../audit/index.js';
import {
  deleteInspections,
  insertHits,
  listConversationPage,
  listInspectedMessages,
  upsertSessions,
} from '../quality-inspection.repository.js';
import { readQualityRules } from '../quality-rules.js';
import { inspectMessage, serviceKeyAfter, type HitRow, type SessionRow } from '../quality-sessions.js';

/** One page of a re-inspection: a shop's conversations, inspected again from their first message. */
export interface ReinspectionPage {
  shopId: string;
  conversations: { id: string; buyer_id: string }[];
}

/** Where applyReinspectionPages lives, for the SQLite writer thread to load it. */
export const REINSPECTION_WRITER_MODULE = import.meta.url;

const PAGE_SIZE = 200;

/**
 * Inspects a shop's conversations again from their stored messages, with the shop's rules as they are now (after the
 * rules changed): owner and managers (quality.configure). Managers' reviews stay attached (a session keeps its id).
 * Audited.
 */
export async function reinspectQuality(ctx: CommandContext<AgentPrincipal>): Promise<ReinspectQualityResponse> {
  const { app, actor } = ctx;
  requireCapability(actor, 'quality.configure');
  const counts = await inspectShop(app, actor.shopId);
  await recordAgentAudit(app.storage.db, actor, {
    action: 'quality.reinspected',
    targetType: 'shop',
    targetId: actor.shopId,
    after: counts,
    at: app.now().toISOString(),
  });
  return counts;
}

/**
 * Every conversation of the shop inspected from its first message: each page of conversations is forgotten and
 * folded again through the very code the live inspection runs, in its own transaction (on SQLite on the writer
 * thread, so the chat keeps its turn). Messages relayed meanwhile fold into the rewritten sessions.
 */
export async function inspectShop(app: AppContext, shopId: string): Promise<ReinspectQualityResponse> {
  const runner =
    app.storage.dialect === 'sqlite'
      ? sqliteWorkerRunner<ReinspectionPage, ReinspectQualityResponse>(app.config.dataDir, {
          module: REINSPECTION_WRITER_MODULE,
          exportName: 'applyReinspectionPages',
        })
      : inProcessRunner(app.storage.db, applyReinspectionPages);
  const counts: ReinspectQualityResponse = { conversations: 0, sessions: 0, hits: 0 };
  try {
    let after = '';
    for (;;) {
      const conversations = await listConversationPage(app.storage.db, shopId, after, PAGE_SIZE);
      if (conversations.length === 0) break;
      after = conversations.at(-1)!.id;
      const [done] = await runner.run([{ shopId, conversations }]);
      counts.conversations += done!.conversations;
      counts.sessions += done!.sessions;
      counts.hits += done!.hits;
    }
  } finally {
    await runner.close();
  }
  return counts;
}

/** Forgets and inspects again each page's conversations, in the writer's transaction. */
export async function applyReinspectionPages(trx: Queryable, pages: ReinspectionPage[]): Promise<ReinspectQualityResponse[]> {
  const results: ReinspectQualityResponse[] = [];
  for (const page of pages) {
    const ids = page.conversations.map((c) => c.id);
    const buyerOf = new Map(page.conversations.map((c) => [c.id, c.buyer_id]));
    const { rules } = await readQualityRules(trx, page.shopId);
    const messages = await listInspectedMessages(trx, ids);
    await deleteInspections(trx, ids);
    const sessions = new Map<string, SessionRow>();
    const hits: HitRow[] = [];
    const latest = new Map<string, SessionRow>();
    const serviceKeys = new Map<string, string>();
    for (const { conversationId, message } of messages) {
      const current = latest.get(conversationId);
      if (message.farewell && !current) serviceKeys.set(conversationId, serviceKeyAfter(message.seq));
      const step = inspectMessage(current, message, {
        shopId: page.shopId,
        conversationId,
        buyerId: buyerOf.get(conversationId)!,
        rules,
        serviceKey: serviceKeys.get(conversationId) ?? serviceKeyAfter(0),
        newId,
      });
      if (!step) continue;
      for (const session of step.sessions) sessions.set(session.id, session);
      latest.set(conversationId, step.sessions.at(-1)!);
      hits.push(...step.hits);
    }
    await upsertSessions(trx, [...sessions.values()]);
    await insertHits(trx, hits);
    results.push({ conversations: ids.length, sessions: sessions.size, hits: hits.length });
  }
  return results;
}
