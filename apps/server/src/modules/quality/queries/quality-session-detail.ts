import { can, type QualitySessionDetail } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { presentMessage } from '../../conversations/index.js';
import { findSessionRecord, listSessionMessages } from '../quality-inspection.repository.js';
import { presentSessions } from './present-sessions.js';

/** Most messages a transcript shows. */
const TRANSCRIPT_LIMIT = 500;

/**
 * One session with its transcript (its first to its last message, system lines and bots included) for 抽检 and for the
 * agent's own results: a manager (quality.inspect) reads any; an agent, the sessions they answered last.
 */
export async function qualitySessionDetail(app: AppContext, actor: AgentPrincipal, id: string): Promise<QualitySessionDetail> {
  const row = await findSessionRecord(app.storage.db, actor.shopId, id);
  if (!row) throw new AppError('not_found', { thing: 'quality_session' });
  if (row.agent_id !== actor.agentId && !can(actor, 'quality.inspect')) throw new AppError('forbidden');
  const [session] = await presentSessions(app.storage.db, actor.shopId, [row]);
  const messages = await listSessionMessages(app.storage.db, row.conversation_id, row.start_seq, row.last_seq, TRANSCRIPT_LIMIT);
  return {
    session: session!,
    messages: messages.slice(0, TRANSCRIPT_LIMIT).map(presentMessage),
    truncated: messages.length > TRANSCRIPT_LIMIT,
  };
}
