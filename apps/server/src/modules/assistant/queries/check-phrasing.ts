import { checkPhrasing, MAX_MESSAGE_LENGTH, type PhrasingHit } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { requireRateBudgets } from '../../../platform/security/rate-limit.js';
import { readQualityRules } from '../../quality/index.js';

/** Checks per agent and minute: far above typing a reply now and then, low enough to stop a runaway script. */
export const CHECK_PHRASING_PER_MINUTE = 300;

/**
 * The shop's 质检 phrase rules on a reply the agent is about to send: the same matcher the chat box runs live.
 * Refused like a message: longer than MAX_MESSAGE_LENGTH → 413; too many checks → 429.
 */
export async function checkReplyPhrasing(
  app: AppContext,
  actor: AgentPrincipal,
  text: string,
  language: Language,
): Promise<PhrasingHit[]> {
  if (text.length > MAX_MESSAGE_LENGTH) throw new AppError('message_too_long', { limit: MAX_MESSAGE_LENGTH });
  await requireRateBudgets(
    app,
    [{ key: `check-phrasing:${actor.shopId}:${actor.agentId}`, limit: CHECK_PHRASING_PER_MINUTE, windowSeconds: 60 }],
    'rate_limited',
  );
  const { rules } = await readQualityRules(app.storage.db, actor.shopId);
  return checkPhrasing(text, rules, language).map(({ rule, span, message, suggestion }) => ({
    rule,
    span,
    message,
    suggestion,
  }));
}
