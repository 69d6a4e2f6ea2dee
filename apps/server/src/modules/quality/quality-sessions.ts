import {
  checkConversation,
  chinaTimeOf,
  QUALITY_SESSION_GAP_HOURS,
  type QualityLine,
  type QualityRule,
  type QualityRuleKind,
} from '@golddesk/contracts';
import type { Database } from '../../platform/db/schema.js';

/**
 * 质检 of service sessions, one message at a time: the live inspection (relayed messages) and the re-inspection of a
 * shop (stored messages) fold messages through this same code, so both give the same sessions, hits and scores.
 *
 * A session (一次接待) runs from one 结束 to the next, like the 满意度 session it belongs to (`service_key`), and is also cut
 * when the chat was quiet for QUALITY_SESSION_GAP_HOURS: a buyer back in the afternoon, or the next week, starts a new
 * session (and is greeted again). On every agent reply the shop's rules run with the context the conversation rules
 * need: the reply's words (phrase rules), whether it is the session's first reply (greeting), since when the buyer
 * had been waiting (slow reply; a bot's answer does not stop the clock, and a wait carries over a quiet-spell cut). The
 * closing-thanks rule runs on the last reply when 结束 ends the session.
 */

export type SessionRow = Database['quality_sessions'];
export type HitRow = Database['quality_hits'];

/** A message as the inspection reads it. */
export interface InspectedMessage {
  id: string;
  seq: number;
  sender: 'buyer' | 'agent' | 'bot' | 'system';
  agentId: string | null;
  /** The words the rules read: a text message's body, '' for an image or a card. */
  text: string;
  createdAt: string;
  /** The farewell line 结束 writes: the session ends here. */
  farewell: boolean;
}

/** What a step needs besides the message. */
export interface FoldContext {
  shopId: string;
  conversationId: string;
  buyerId: string;
  rules: readonly QualityRule[];
  /** The 满意度 session key of a first session when none of the conversation's sessions is known yet. */
  serviceKey: string;
  newId: () => string;
}

/** What one message changed: the sessions to write (the conversation's latest last) and the new hits. */
export interface FoldStep {
  sessions: SessionRow[];
  hits: HitRow[];
}

const GAP_MS = QUALITY_SESSION_GAP_HOURS * 3600_000;
const QUOTE_LENGTH = 40;

/** The 满意度 session key that starts after a 结束 line at `seq`. */
export function serviceKeyAfter(farewellSeq: number): string {
  return `from:${farewellSeq + 1}`;
}

/** 100 less the points, never below 0 (qualityScore's rule, on the points kept with the session). */
export function scoreOf(points: number): number {
  return Math.max(0, 100 - points);
}

/**
 * Folds one message into the conversation's latest session (undefined: none known). Returns null when the message
 * changes nothing (a replay, a bot line, a system line other than 结束).
 */
export function inspectMessage(latest: SessionRow | undefined, message: InspectedMessage, ctx: FoldContext): FoldStep | null {
  if (latest && message.seq <= latest.last_seq) return null;
  if (message.farewell) return latest && !latest.closed ? closeSession(latest, message, ctx) : null;
  if (message.sender !== 'buyer' && message.sender !== 'agent') return null;

  const sessions: SessionRow[] = [];
  let current = latest;
  const quiet = current !== undefined && Date.parse(message.createdAt) - Date.parse(current.last_at) >= GAP_MS;
  if (!current || current.closed || quiet) {
    const open = current && !current.closed ? current : undefined;
    // A quiet spell ends the running session where its last message was; the buyer's wait carries over.
    if (open) sessions.push({ ...open, ended_at: open.last_at });
    const serviceKey = !current ? ctx.serviceKey : current.closed ? serviceKeyAfter(current.last_seq) : current.service_key;
    current = newSession(message, ctx, serviceKey, open?.waiting_since ?? null);
  }
  const moved = { ...current, last_seq: message.seq, last_at: message.createdAt };
  if (message.sender === 'buyer') {
    sessions.push({ ...moved, waiting_since: moved.waiting_since ?? message.createdAt });
    return { sessions, hits: [] };
  }
  const hits = replyHits(moved, message, ctx);
  const points = hits.reduce((sum, hit) => sum + hit.points, 0);
  const closing = checkConversation(
    [lineOf(message)],
    ctx.rules.filter((rule) => rule.kind === 'no_thanks'),
    'zh-CN',
    {
      ended: true,
    },
  ).map((hit) => hit.rule);
  sessions.push({
    ...moved,
    agent_id: message.agentId ?? moved.agent_id,
    replies: moved.replies + 1,
    waiting_since: null,
    last_reply_id: message.id,
    last_reply_length: message.text.length,
    last_reply_quote: message.text.slice(0, QUOTE_LENGTH),
    closing_rules: closing.length > 0 ? JSON.stringify(closing) : null,
    hit_count: moved.hit_count + hits.length,
    points: moved.points + points,
    score: scoreOf(moved.points + points),
  });
  return { sessions, hits };
}

function newSession(message: InspectedMessage, ctx: FoldContext, serviceKey: string, waitingSince: string | null): SessionRow {
  return {
    id: `${ctx.conversationId}.${message.seq}`,
    shop_id: ctx.shopId,
    conversation_id: ctx.conversationId,
    buyer_id: ctx.buyerId,
    service_key: serviceKey,
    start_seq: message.seq,
    last_seq: message.seq - 1,
    started_at: message.createdAt,
    last_at: message.createdAt,
    ended_at: null,
    closed: 0,
    day: chinaTimeOf(new Date(message.createdAt)).date,
    agent_id: null,
    replies: 0,
    waiting_since: waitingSince,
    last_reply_id: null,
    last_reply_length: 0,
    last_reply_quote: '',
    closing_rules: null,
    hit_count: 0,
    points: 0,
    score: 100,
  };
}

function lineOf(message: InspectedMessage): QualityLine {
  return { sender: 'agent', body: message.text, at: message.createdAt };
}

/** The rules on one reply: its words, the greeting when it is the session's first, its speed against the buyer's wait. */
function replyHits(session: SessionRow, message: InspectedMessage, ctx: FoldContext): HitRow[] {
  const lines: QualityLine[] = session.waiting_since ? [{ sender: 'buyer', body: '', at: session.waiting_since }] : [];
  lines.push(lineOf(message));
  return checkConversation(lines, ctx.rules)
    .filter((hit) => hit.kind !== 'no_greeting' || session.replies === 0)
    .map((hit) =>
      hitRow(session, ctx, {
        messageId: message.id,
        agentId: message.agentId,
        rule: hit.rule,
        kind: hit.kind,
        span: hit.span,
        quote: message.text.slice(hit.span[0], hit.span[1]).slice(0, QUOTE_LENGTH),
        at: message.createdAt,
      }),
    );
}

/** 结束: the session ends at the farewell line; its last reply is checked for thanks. */
function closeSession(session: SessionRow, message: InspectedMessage, ctx: FoldContext): FoldStep {
  const ruleIds: string[] = session.closing_rules ? JSON.parse(session.closing_rules) : [];
  const hits = session.last_reply_id
    ? ruleIds.flatMap((ruleId) => {
        const rule = ctx.rules.find((r) => r.id === ruleId && r.enabled && r.kind === 'no_thanks');
        if (!rule) return [];
        return [
          hitRow(session, ctx, {
            messageId: session.last_reply_id!,
            agentId: session.agent_id,
            rule: rule.id,
            kind: rule.kind,
            span: [0, session.last_reply_length],
            quote: session.last_reply_quote,
            at: message.createdAt,
          }),
        ];
      })
    : [];
  const points = session.points + hits.reduce((sum, hit) => sum + hit.points, 0);
  const closed: SessionRow = {
    ...session,
    last_seq: message.seq,
    ended_at: message.createdAt,
    closed: 1,
    waiting_since: null,
    closing_rules: null,
    hit_count: session.hit_count + hits.length,
    points,
    score: scoreOf(points),
  };
  return { sessions: [closed], hits };
}

function hitRow(
  session: SessionRow,
  ctx: FoldContext,
  hit: {
    messageId: string;
    agentId: string | null;
    rule: string;
    kind: QualityRuleKind;
    span: [number, number];
    quote: string;
    at: string;
  },
): HitRow {
  return {
    id: ctx.newId(),
    shop_id: ctx.shopId,
    session_id: session.id,
    conversation_id: ctx.conversationId,
    message_id: hit.messageId,
    agent_id: hit.agentId,
    rule_id: hit.rule,
    kind: hit.kind,
    span_start: hit.span[0],
    span_end: hit.span[1],
    quote: hit.quote,
    points: ctx.rules.find((rule) => rule.id === hit.rule)?.points ?? 0,
    at: hit.at,
  };
}
