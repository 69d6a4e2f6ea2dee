// 质检 results (issue 13, item 5): the shop's rules run on every agent message as it is relayed and the hits are stored;
// each service session gets a score with the conversation rules (greeting, slow reply, closing thanks); managers sample
// (random, low score, bad rating) and score sessions on the shop's scorecard; agents read their own results. The clock
// is the test's; every figure below is worked out by hand from the default rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  checkConversation,
  DEFAULT_QUALITY_RULES,
  DEFAULT_QUALITY_SCORECARD,
  type QualityLine,
  type QualityReviewResponse,
  type QualityScorecardResponse,
  type QualitySessionDetail,
  type QualitySessionsResponse,
  type QualitySessionView,
  type ReinspectQualityResponse,
} from '@golddesk/contracts';
import { agentSays, api, buyerSays, loginAgent, startBuyer, type BuyerSession } from './helpers/clients.js';
import { startTestServer, TEST_DB, type TestServer } from './helpers/test-server.js';

const china = (local: string) => Date.parse(`${local}+08:00`);
const DAY = '2026-11-20';
const RANGE = `from=${DAY}&to=${DAY}`;

interface ErrorBody {
  error: { code: string; message: string };
}
type Agent = { token: string; agent: { id: string; name: string } };

describe(`质检 results: hits, session scores, sampling, scorecard and reviews on ${TEST_DB}`, () => {
  let server: TestServer;
  // The demo shop is seeded a fortnight before the day inspected, so the day holds only the timeline below.
  let clock = china('2026-11-06T10:00:00');
  let owner: Agent;
  let presale: Agent;
  let support: Agent;
  /** Buyer A: served badly by presale1 (slow, no greeting, a bare refusal, shirking, no thanks at 结束). */
  let a: BuyerSession;
  /** Buyer B: served well by support1, closed with thanks. */
  let b: BuyerSession;
  /** Buyer C: served well by presale1 but rated 很不满意; back after three quiet hours (a second session). */
  let c: BuyerSession;

  const at = (local: string) => {
    clock = china(`${DAY}T${local}`);
  };
  const settle = () => server.app.outbox.drain();
  const db = () => server.app.context.storage.db;
  async function buyerAt(buyer: BuyerSession, time: string, text: string) {
    at(time);
    assert.equal((await buyerSays(server.url, buyer.token, text)).status, 201);
  }
  async function agentAt(agent: Agent, buyer: BuyerSession, time: string, text: string) {
    at(time);
    const sent = await agentSays(server.url, agent.token, buyer.conversation.id, text);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    return sent.body.message.id;
  }
  async function closeAt(agent: Agent, buyer: BuyerSession, time: string) {
    at(time);
    const closed = await api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/close`, { token: agent.token });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
  }
  const get = async <T>(path: string, token: string, status = 200, language = 'zh-CN') => {
    const response = await api<T & ErrorBody>(server.url, 'GET', path, { token, headers: { 'accept-language': language } });
    assert.equal(response.status, status, JSON.stringify(response.body));
    return response.body;
  };
  const sample = (mode: string, token = owner.token) =>
    get<QualitySessionsResponse>(`/api/v1/quality/conversations?${RANGE}&sample=${mode}`, token);
  const sessionOf = (list: QualitySessionsResponse, buyer: BuyerSession) =>
    list.sessions.filter((s) => s.conversationId === buyer.conversation.id);

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    support = await loginAgent(server.url, 'support1');
    a = await startBuyer(server.url);
    b = await startBuyer(server.url);
    c = await startBuyer(server.url);

    await buyerAt(a, '10:00:00', '在吗？这条裙子有M码吗');
    await agentAt(presale, a, '10:04:00', '有的');
    await buyerAt(a, '10:05:00', '能便宜点吗');
    await agentAt(presale, a, '10:05:30', '不行，这个不归我管');
    await closeAt(presale, a, '10:06:00');

    await buyerAt(b, '11:00:00', '你好，请问什么时候发货');
    await agentAt(support, b, '11:00:30', '亲，您好，付款后48小时内发货哦');
    await buyerAt(b, '11:01:00', '好的谢谢');
    await agentAt(support, b, '11:01:20', '不客气，感谢您的光临，祝您生活愉快~');
    await closeAt(support, b, '11:02:00');

    await buyerAt(c, '14:00:00', '亲，这个有赠品吗');
    await agentAt(presale, c, '14:00:20', '亲，您好，下单就送小样哦');
    at('14:01:00');
    const invited = await api(server.url, 'POST', `/api/v1/conversations/${c.conversation.id}/satisfaction-invitation`, {
      token: presale.token,
    });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const rated = await api(server.url, 'POST', '/api/v1/widget/satisfaction', {
      token: c.token,
      body: { score: 1, reasons: ['not_solved'] },
    });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    await buyerAt(c, '17:30:00', '还在吗');
    await agentAt(presale, c, '17:31:00', '在的亲，请问还有什么可以帮您');
    await settle();
  });
  after(() => server?.close());

  it("stores each rule's hit on the agent message as it is relayed: rule, span, agent, words", async () => {
    const hits = await db()
      .selectFrom('quality_hits as h')
      .innerJoin('messages as m', 'm.id', 'h.message_id')
      .select(['h.rule_id', 'h.span_start', 'h.span_end', 'h.agent_id', 'h.quote', 'h.points', 'm.body'])
      .where('h.conversation_id', '=', a.conversation.id)
      .orderBy('m.seq')
      .orderBy('h.span_start')
      .orderBy('h.rule_id')
      .execute();
    assert.deepEqual(
      hits.map((h) => [h.body, h.rule_id, [Number(h.span_start), Number(h.span_end)], h.quote, Number(h.points)]),
      [
        // 有的: 240 s after the question (over 180 s), and the first reply without a greeting: the whole reply.
        ['有的', 'first-greeting', [0, 2], '有的', 2],
        ['有的', 'slow-reply', [0, 2], '有的', 2],
        // 不行 is a bare refusal as a whole clause; 不归我管 is shirking anywhere; 结束 came after it without thanks.
        ['不行，这个不归我管', 'bare-refusal', [0, 2], '不行', 2],
        ['不行，这个不归我管', 'closing-thanks', [0, 9], '不行，这个不归我管', 1],
        ['不行，这个不归我管', 'shirking', [5, 9], '不归我管', 3],
      ],
    );
    assert.ok(
      hits.every((h) => h.agent_id === presale.agent.id),
      'each hit names the agent who wrote the line',
    );
    const wellServed = await db()
      .selectFrom('quality_hits')
      .select('id')
      .where('conversation_id', '=', b.conversation.id)
      .execute();
    assert.deepEqual(wellServed, [], 'a greeting, quick replies and thanks at the end: no hit');
  });

  it('scores each session 100 less its hits, the same as checking the whole conversation at once', async () => {
    const list = await sample('random');
    const [sessionA] = sessionOf(list, a);
    // 2 (no greeting) + 2 (slow) + 2 (bare refusal) + 3 (shirking) + 1 (no thanks) = 10 points off.
    assert.equal(sessionA!.score, 90);
    assert.equal(sessionA!.closed, true);
    assert.equal(sessionA!.agent?.id, presale.agent.id);
    assert.equal(sessionA!.replies, 2);
    assert.equal(sessionOf(list, b)[0]!.score, 100);

    // The hits folded in message by message are those of the rules run on the whole chat once it ended.
    const detail = await get<QualitySessionDetail>(`/api/v1/quality/sessions/${sessionA!.id}`, owner.token);
    const lines: QualityLine[] = detail.messages
      .filter((m) => m.sender !== 'system')
      .map((m) => ({ sender: m.sender, body: m.body, at: m.createdAt }));
    const whole = checkConversation(lines, DEFAULT_QUALITY_RULES, 'zh-CN', { ended: true }).map((h) => `${h.rule}@${h.span}`);
    assert.deepEqual(sessionA!.hits.map((h) => `${h.rule}@${h.span}`).sort(), whole.sort());
    assert.equal(detail.messages.at(-1)?.notice?.code, 'conversation.closed', 'the transcript runs to the farewell line');
  });

  it('cuts a session at a quiet spell of two hours: the buyer who comes back is a new session, greeted again', async () => {
    const sessions = sessionOf(await sample('random'), c);
    assert.equal(sessions.length, 2);
    const [first, second] = sessions.sort((x, y) => x.startSeq - y.startSeq);
    assert.equal(first!.closed, false, 'not ended by 结束');
    assert.ok(first!.endedAt, 'ended by the quiet spell');
    assert.equal(second!.endedAt, null, 'still running');
    assert.deepEqual([first!.score, second!.score], [100, 100]);
  });

  it('samples at random, by the lowest score, and by a bad rating; the date range and the agent narrow it', async () => {
    const random = await sample('random');
    assert.equal(random.summary.sessions, 4, 'A, B and C twice');
    assert.equal(random.summary.averageScore, 97.5);
    assert.equal(random.sessions.length, 4);

    const low = await sample('low_score');
    assert.equal(low.sessions[0]!.conversationId, a.conversation.id, 'the lowest score first');
    assert.deepEqual(
      low.sessions.map((s) => s.score),
      [90, 100, 100, 100],
    );

    // C's first session was rated 很不满意 (the rating came in it); its second session came after the rating.
    const bad = await sample('bad_rating');
    assert.deepEqual(
      bad.sessions.map((s) => [s.conversationId, s.startSeq, s.rating?.score]),
      [[c.conversation.id, sessionOf(random, c).sort((x, y) => x.startSeq - y.startSeq)[0]!.startSeq, 1]],
    );
    assert.equal(bad.summary.sessions, 1);

    const supports = await get<QualitySessionsResponse>(
      `/api/v1/quality/conversations?${RANGE}&sample=random&agentId=${support.agent.id}`,
      owner.token,
    );
    assert.deepEqual(
      supports.sessions.map((s) => s.conversationId),
      [b.conversation.id],
    );
    const limited = await get<QualitySessionsResponse>(
      `/api/v1/quality/conversations?${RANGE}&sample=low_score&limit=1`,
      owner.token,
    );
    assert.equal(limited.sessions.length, 1);
    const dayBefore = await get<QualitySessionsResponse>(
      '/api/v1/quality/conversations?from=2026-11-19&to=2026-11-19&sample=random',
      owner.token,
    );
    assert.equal(dayBefore.sessions.length, 0);

    // Agents do not sample; a range of ten years, an unknown agent and an unknown mode are refused clearly.
    await get(`/api/v1/quality/conversations?${RANGE}`, presale.token, 403);
    const long = await get('/api/v1/quality/conversations?from=2016-01-01&to=2026-01-01', owner.token, 400);
    assert.equal(long.error.code, 'range_too_long');
    await get(`/api/v1/quality/conversations?${RANGE}&agentId=nobody`, owner.token, 404);
    await get(`/api/v1/quality/conversations?${RANGE}&sample=worst`, owner.token, 400);
  });

  it("saves a manager's review on the scorecard; the agent reads it with their own results, never a colleague's", async () => {
    const sessionA = sessionOf(await sample('low_score'), a)[0]!;
    const scores = [
      { item: 'timely', points: 8 },
      { item: 'accurate', points: 20 },
      { item: 'warm', points: 10 },
      { item: 'wording', points: 5 },
      { item: 'conversion', points: 5 },
    ];
    const saved = await api<QualityReviewResponse>(server.url, 'POST', '/api/v1/quality/reviews', {
      token: owner.token,
      body: { sessionId: sessionA.id, scores, comment: '回复太慢，且不能说“不归我管”' },
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    assert.equal(saved.body.review.total, 48);
    assert.deepEqual(saved.body.review.scores[0], {
      item: 'timely',
      name: { zh: '响应及时', en: 'Timely replies' },
      maxPoints: 20,
      points: 8,
    });

    const mine = await get<QualitySessionsResponse>(`/api/v1/quality/mine?${RANGE}`, presale.token);
    assert.deepEqual(
      mine.sessions.map((s) => s.conversationId).sort(),
      [a.conversation.id, c.conversation.id, c.conversation.id].sort(),
      "presale1's sessions: A and C's two",
    );
    const reviewed = mine.sessions.find((s) => s.id === sessionA.id)!;
    assert.equal(reviewed.reviews[0]?.comment, '回复太慢，且不能说“不归我管”');
    assert.equal(reviewed.reviews[0]?.reviewer.id, owner.agent.id);
    assert.deepEqual(
      reviewed.hits.map((h) => h.rule),
      ['first-greeting', 'slow-reply', 'bare-refusal', 'shirking', 'closing-thanks'],
    );
    assert.deepEqual(mine.summary, { sessions: 3, averageScore: 96.7, reviewed: 1, averageReview: 48 });
    // The transcript of their own session, with the hits to highlight.
    const own = await get<QualitySessionDetail>(`/api/v1/quality/sessions/${sessionA.id}`, presale.token);
    assert.equal(own.session.reviews.length, 1);

    // support1 reads their own results; presale1's are not theirs to read, nor is presale1's session.
    const theirs = await get<QualitySessionsResponse>(`/api/v1/quality/mine?${RANGE}`, support.token);
    assert.deepEqual(
      theirs.sessions.map((s) => s.conversationId),
      [b.conversation.id],
    );
    assert.equal(theirs.sessions[0]!.reviews.length, 0);
    await get(`/api/v1/quality/mine?${RANGE}&agentId=${presale.agent.id}`, support.token, 403);
    await get(`/api/v1/quality/sessions/${sessionA.id}`, support.token, 403);
    // A manager reads anyone's.
    const asManager = await get<QualitySessionsResponse>(
      `/api/v1/quality/mine?${RANGE}&agentId=${presale.agent.id}`,
      owner.token,
    );
    assert.equal(asManager.sessions.length, 3);

    // Saving again replaces the manager's own review; an agent cannot review.
    const again = await api<QualityReviewResponse>(server.url, 'POST', '/api/v1/quality/reviews', {
      token: owner.token,
      body: { sessionId: sessionA.id, scores: scores.map((s) => ({ ...s, points: 0 })), comment: '' },
    });
    assert.equal(again.status, 201);
    const after = await get<QualitySessionDetail>(`/api/v1/quality/sessions/${sessionA.id}`, owner.token);
    assert.deepEqual(
      after.session.reviews.map((r) => r.total),
      [0],
    );
    const byAgent = await api(server.url, 'POST', '/api/v1/quality/reviews', {
      token: presale.token,
      body: { sessionId: sessionA.id, scores, comment: '' },
    });
    assert.equal(byAgent.status, 403);
  });

  it('refuses a review that does not fit the scorecard, saying which item', async () => {
    const sessionA = sessionOf(await sample('low_score'), a)[0]!;
    const review = (scores: unknown, language = 'zh-CN') =>
      api<ErrorBody>(server.url, 'POST', '/api/v1/quality/reviews', {
        token: owner.token,
        body: { sessionId: sessionA.id, scores, comment: '' },
        headers: { 'accept-language': language },
      });
    const full = DEFAULT_QUALITY_SCORECARD.items.map((item) => ({ item: item.id, points: item.maxPoints }));
    const over = await review(full.map((s) => (s.item === 'accurate' ? { ...s, points: 35 } : s)));
    assert.equal(over.status, 400);
    assert.equal(over.body.error.code, 'quality_review_invalid');
    assert.equal(over.body.error.message, '质检评分有误：「专业准确」须为 0–30 的整数（收到 35）');
    const missing = await review(full.slice(1), 'en');
    assert.equal(missing.body.error.message, 'The review is invalid: score "Timely replies" too');
    const unknown = await review([...full, { item: 'speed', points: 1 }]);
    assert.match(unknown.body.error.message, /评分表中没有“speed”这一项/);
    const nowhere = await api<ErrorBody>(server.url, 'POST', '/api/v1/quality/reviews', {
      token: owner.token,
      body: { sessionId: 'no-such-session', scores: full, comment: '' },
    });
    assert.equal(nowhere.status, 404);
  });

  it('keeps the scorecard the shop edits, and refuses a malformed one clearly in both languages', async () => {
    const read = await get<QualityScorecardResponse>('/api/v1/quality/scorecard', presale.token);
    assert.deepEqual(read, { scorecard: DEFAULT_QUALITY_SCORECARD, isDefault: true });
    const put = (body: unknown, token = owner.token, language = 'zh-CN') =>
      api<QualityScorecardResponse & ErrorBody>(server.url, 'PUT', '/api/v1/quality/scorecard', {
        token,
        body,
        headers: { 'accept-language': language },
      });
    const items = DEFAULT_QUALITY_SCORECARD.items;

    const short = await put({ items: items.slice(0, 4) });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.code, 'quality_scorecard_invalid');
    assert.equal(short.body.error.message, '评分表有误：各项满分合计须为 100 分，现为 90 分');
    const shortEn = await put({ items: items.slice(0, 4) }, owner.token, 'en');
    assert.equal(
      shortEn.body.error.message,
      "The scorecard is invalid: the items' maximums must add up to 100; they add up to 90",
    );
    const zero = await put({ items: items.map((i, n) => (n === 1 ? { ...i, maxPoints: 0 } : i)) });
    assert.match(zero.body.error.message, /^评分表有误：第 2 项「专业准确」的满分有误：/);
    const twice = await put({ items: items.map((i, n) => (n === 4 ? { ...i, id: 'timely' } : i)) });
    assert.equal(twice.body.error.message, '评分表有误：第 5 项「促成转化」的编号与另一项重复');
    const nameless = await put(
      { items: items.map((i, n) => (n === 0 ? { ...i, name: { zh: '', en: 'x' } } : i)) },
      owner.token,
      'en',
    );
    assert.match(nameless.body.error.message, /item #1 "x": the name \(Chinese\) is invalid/);
    assert.equal((await put({ rows: [] })).body.error.code, 'quality_scorecard_invalid');
    assert.equal((await put({ items }, presale.token)).status, 403, 'agents do not edit the scorecard');

    const mine = {
      items: [
        { id: 'speed', name: { zh: '响应速度', en: 'Speed' }, maxPoints: 40 },
        { id: 'manner', name: { zh: '服务态度', en: 'Manner' }, maxPoints: 60 },
      ],
    };
    const saved = await put(mine);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(await get('/api/v1/quality/scorecard', presale.token), { scorecard: mine, isDefault: false });
    // The review saved on the old scorecard still reads with its own items.
    const sessionA = sessionOf(await sample('low_score'), a)[0]!;
    assert.equal(sessionA.reviews[0]!.scores.length, 5);
  });

  it('inspects the shop again after the rules change; sessions keep their ids and reviews', async () => {
    const before = sessionOf(await sample('low_score'), a)[0]!;
    const rules = DEFAULT_QUALITY_RULES.map((rule) => (rule.id === 'slow-reply' ? { ...rule, enabled: false } : rule));
    assert.equal((await api(server.url, 'PUT', '/api/v1/quality/rules', { token: owner.token, body: { rules } })).status, 200);
    assert.equal((await api(server.url, 'POST', '/api/v1/quality/reinspect', { token: presale.token, body: {} })).status, 403);
    const redone = await api<ReinspectQualityResponse>(server.url, 'POST', '/api/v1/quality/reinspect', {
      token: owner.token,
      body: {},
    });
    assert.equal(redone.status, 200, JSON.stringify(redone.body));
    assert.ok(redone.body.conversations >= 3 && redone.body.sessions >= 4, JSON.stringify(redone.body));
    const after: QualitySessionView = sessionOf(await sample('low_score'), a)[0]!;
    assert.equal(after.id, before.id);
    assert.equal(after.score, 92, 'the slow reply no longer counts');
    assert.ok(!after.hits.some((h) => h.rule === 'slow-reply'));
    assert.equal(after.reviews.length, 1, 'the review stays with the session');
    assert.equal((await sample('random')).summary.sessions, 4);

    // New messages keep folding into the re-inspected sessions.
    await buyerAt(c, '17:35:00', '好的');
    await agentAt(presale, c, '17:36:00', '最低价就是这个了');
    await settle();
    const latest = sessionOf(await sample('random'), c).sort((x, y) => y.startSeq - x.startSeq)[0]!;
    assert.deepEqual(
      latest.hits.map((h) => [h.rule, h.quote]),
      [['ad-words', '最低价']],
    );
    assert.equal(latest.score, 97);
  });
});
