import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { mayReadQuickReply } from '../quick-reply.policy.js';
import { countUse, findQuickReply } from '../quick-reply.repository.js';

/** Counts one use of a phrase by the agent (ranks it higher for them, and for the team). */
export async function recordQuickReplyUse(ctx: CommandContext<AgentPrincipal>, props: { id: string }): Promise<void> {
  const db = ctx.app.storage.db;
  const row = await findQuickReply(db, ctx.actor.shopId, props.id);
  if (!row || !mayReadQuickReply(ctx.actor, row)) throw new AppError('not_found', { thing: 'quick_reply' });
  await countUse(db, ctx.actor.shopId, row.id, ctx.actor.agentId, ctx.app.now().toISOString());
}
