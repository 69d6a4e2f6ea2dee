import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { ChinaDate } from './measures.js';
import { Message } from './messages.js';
import { QualityRuleKind } from './quality.js';

/**
 * 质检 results: every service session (一次接待) gets an automatic score from the shop's rules (100 less each hit's
 * points); managers sample sessions (random, lowest score, badly rated) and score them on the shop's scorecard (评分表);
 * agents read their own results. docs/quality.md explains how sessions are cut and scored.
 */

/** A quiet stretch this long ends a service session even without 结束: the buyer's next message starts a new one. */
export const QUALITY_SESSION_GAP_HOURS = 2;

export const QUALITY_SCORECARD_LIMITS = { items: 10, name: 20, total: 100, comment: 500 } as const;

/** One line of the scorecard: what the manager judges and the most it is worth. */
export const QualityScorecardItem = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
  name: z.object({
    zh: z.string().trim().min(1).max(QUALITY_SCORECARD_LIMITS.name),
    en: z.string().trim().min(1).max(QUALITY_SCORECARD_LIMITS.name),
  }),
  maxPoints: z.number().int().min(1).max(QUALITY_SCORECARD_LIMITS.total),
});
export type QualityScorecardItem = z.infer<typeof QualityScorecardItem>;

/** The shop's scorecard: 1–10 items, ids unique, their points adding up to 100 (a review is out of 100, like the automatic score). */
export const QualityScorecard = z
  .object({
    items: z
      .array(QualityScorecardItem)
      .min(1)
      .max(QUALITY_SCORECARD_LIMITS.items)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, index) => {
          if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${item.id}" is used twice` });
          seen.add(item.id);
        });
      }),
  })
  .superRefine((card, ctx) => {
    const total = card.items.reduce((sum, item) => sum + item.maxPoints, 0);
    if (total !== QUALITY_SCORECARD_LIMITS.total) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: `the items add up to ${total}, not 100`, params: { total } });
    }
  });
export type QualityScorecard = z.infer<typeof QualityScorecard>;

/** The scorecard a shop starts with (the usual 淘宝 质检 headings). */
export const DEFAULT_QUALITY_SCORECARD: QualityScorecard = {
  items: [
    { id: 'timely', name: { zh: '响应及时', en: 'Timely replies' }, maxPoints: 20 },
    { id: 'accurate', name: { zh: '专业准确', en: 'Accurate and expert' }, maxPoints: 30 },
    { id: 'warm', name: { zh: '态度热情', en: 'Warm and friendly' }, maxPoints: 20 },
    { id: 'wording', name: { zh: '规范用语', en: 'Proper wording' }, maxPoints: 20 },
    { id: 'conversion', name: { zh: '促成转化', en: 'Closing the sale' }, maxPoints: 10 },
  ],
};

/** GET /api/v1/quality/scorecard (and the answer to PUT). */
export const QualityScorecardResponse = z.object({
  scorecard: QualityScorecard,
  /** The shop has not changed the built-in scorecard. */
  isDefault: z.boolean(),
});
export type QualityScorecardResponse = z.infer<typeof QualityScorecardResponse>;

/** random: any sessions; low_score: the lowest automatic scores first; bad_rating: sessions the buyer rated 不满意 or worse. */
export const QualitySampleMode = z.enum(['random', 'low_score', 'bad_rating']);
export type QualitySampleMode = z.infer<typeof QualitySampleMode>;

/** GET /api/v1/quality/conversations: sessions that started in a China date range (both days included). */
export const QualitySampleQuery = z.object({
  from: ChinaDate,
  to: ChinaDate,
  agentId: Id.optional(),
  sample: QualitySampleMode.default('random'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type QualitySampleQuery = z.input<typeof QualitySampleQuery>;

/** A rule that hit a line of the session. `span` is [start, end) in UTF-16 code units of the message's text. */
export const QualityHitView = z.object({
  id: Id,
  rule: z.string().describe("the rule's id"),
  kind: QualityRuleKind,
  messageId: Id,
  span: z.tuple([z.number().int(), z.number().int()]),
  quote: z.string().describe('the words that hit (a whole-reply rule: the start of the reply)'),
  points: z.number().int().describe('taken off the score'),
  /** Who wrote the line. */
  agentId: Id.nullable(),
});
export type QualityHitView = z.infer<typeof QualityHitView>;

/** One item of a review, with the item's name and maximum as they were when the review was saved. */
export const QualityReviewScore = z.object({
  item: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  maxPoints: z.number().int(),
  points: z.number().int(),
});
export type QualityReviewScore = z.infer<typeof QualityReviewScore>;

/** A manager's scores for one session. */
export const QualityReviewView = z.object({
  id: Id,
  sessionId: z.string(),
  reviewer: z.object({ id: Id, name: z.string() }),
  scores: z.array(QualityReviewScore),
  /** Sum of the items' points (out of the scorecard's 100). */
  total: z.number().int(),
  comment: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type QualityReviewView = z.infer<typeof QualityReviewView>;

/** A service session as 质检 sees it: who served, when, the automatic score with its hits, the buyer's rating, the reviews. */
export const QualitySessionView = z.object({
  /** `<conversationId>.<first seq>`: stays the same when the shop's sessions are inspected again. */
  id: z.string(),
  conversationId: Id,
  buyer: z.object({ id: Id, nick: z.string() }),
  /** The agent who answered last in the session (whom the score and a rating are about). */
  agent: z.object({ id: Id, name: z.string() }).nullable(),
  startSeq: z.number().int(),
  endSeq: z.number().int(),
  startedAt: IsoDateTime,
  /** When the session ended (结束, or the last message before a long quiet spell); null while it runs. */
  endedAt: IsoDateTime.nullable(),
  /** Ended by 结束 (the closing-thanks rule applies then). */
  closed: z.boolean(),
  /** China date the session started. */
  day: ChinaDate,
  /** Agent replies in the session. */
  replies: z.number().int(),
  /** 100 less the points of every hit, never below 0. */
  score: z.number().int(),
  hits: z.array(QualityHitView),
  /** The buyer's rating of the service session (满意度), 5 很满意 … 1 很不满意. */
  rating: z.object({ score: z.number().int() }).nullable(),
  reviews: z.array(QualityReviewView),
});
export type QualitySessionView = z.infer<typeof QualitySessionView>;

/** Counts over every session of the query (not just the page). */
export const QualitySummary = z.object({
  sessions: z.number().int(),
  averageScore: z.number().nullable(),
  /** Sessions with at least one review, and the mean of their latest review totals. */
  reviewed: z.number().int(),
  averageReview: z.number().nullable(),
});
export type QualitySummary = z.infer<typeof QualitySummary>;

export const QualitySessionsResponse = z.object({ sessions: z.array(QualitySessionView), summary: QualitySummary });
export type QualitySessionsResponse = z.infer<typeof QualitySessionsResponse>;

/** GET /api/v1/quality/sessions/:id: the session with its transcript (the messages from its first to its last seq). */
export const QualitySessionDetail = z.object({
  session: QualitySessionView,
  messages: z.array(Message),
  /** More messages than the transcript holds (a very long session): the first ones are shown. */
  truncated: z.boolean(),
});
export type QualitySessionDetail = z.infer<typeof QualitySessionDetail>;

/** POST /api/v1/quality/reviews: every item of the scorecard once, 0 to its maximum. Saving again replaces one's own review. */
export const SaveQualityReviewRequest = z.object({
  sessionId: z.string().min(1).max(100),
  scores: z.array(z.object({ item: z.string().min(1).max(40), points: z.number() })).max(QUALITY_SCORECARD_LIMITS.items),
  comment: z.string().max(QUALITY_SCORECARD_LIMITS.comment).default(''),
});
export type SaveQualityReviewRequest = z.input<typeof SaveQualityReviewRequest>;

export const QualityReviewResponse = z.object({ review: QualityReviewView });
export type QualityReviewResponse = z.infer<typeof QualityReviewResponse>;

/** GET /api/v1/quality/mine: an agent's own sessions (a manager may name anyone's with agentId). */
export const MyQualityQuery = z.object({ from: ChinaDate, to: ChinaDate, agentId: Id.optional() });
export type MyQualityQuery = z.input<typeof MyQualityQuery>;

/** Most sessions the agent's page lists (newest first); the summary counts them all. */
export const MY_QUALITY_LIMIT = 200;

/** POST /api/v1/quality/reinspect: what was inspected again. */
export const ReinspectQualityResponse = z.object({
  conversations: z.number().int(),
  sessions: z.number().int(),
  hits: z.number().int(),
});
export type ReinspectQualityResponse = z.infer<typeof ReinspectQualityResponse>;
