// 满意度 (issue 13, item 3): a service session ends — the agent closes it, or the buyer stays quiet for the shop's idle
// minutes — and the buyer is invited once to rate it; an agent may invite by hand; the buyer rates once from the widget
// and the agents hear it. The clock is the test's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ConversationSatisfactionResponse,
  SatisfactionInvitationResponse,
  SatisfactionSettingsResponse,
  WidgetSatisfactionResponse,
} from '@golddesk/contracts';
import { agentSays, api, buyerSays, loginAgent, startBuyer, StreamClient, until, type BuyerSession } from './helpers/clients.js';
import { startTestServer, TEST_DB, type TestServer } from './helpers/test-server.js';

const china = (local: string) => Date.parse(`${local}+08:00`);
const MINUTE = 60_000;

describe(`satisfaction ratings (满意度) on ${TEST_DB}`, () => {
  let server: TestServer;
  let clock = china('2026-11-06T10:00:00');
  let owner: { token: string };
  let presale: { token: string; agent: { id: string; name: string } };
  let agents: StreamClient;
  const streams: StreamClient[] = [];

  /** A new buyer with the widget open who asked something that presale1 answered. */
  async function servedBuyer(question = '亲，这件有 M 码吗？') {
    const buyer = await startBuyer(server.url);
    const widget = await StreamClient.connect(server.url, buyer.token);
    streams.push(widget);
    assert.equal((await buyerSays(server.url, buyer.token, question)).status, 201);
    assert.equal((await agentSays(server.url, presale.token, buyer.conversation.id, '亲，有的哦，M 码有货~')).status, 201);
    return { buyer, widget, id: buyer.conversation.id };
  }

  const close = async (conversationId: string, token = presale.token) => {
    const closed = await api(server.url, 'POST', `/api/v1/conversations/${conversationId}/close`, { token });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
  };
  const ratings = async (conversationId: string) => {
    const listed = await api<ConversationSatisfactionResponse>(
      server.url,
      'GET',
      `/api/v1/conversations/${conversationId}/satisfaction`,
      { token: owner.token },
    );
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    return listed.body.ratings;
  };
  const inviteByHand = (conversationId: string, token = presale.token) =>
    api<SatisfactionInvitationResponse & { error?: { code: string; message: string } }>(
      server.url,
      'POST',
      `/api/v1/conversations/${conversationId}/satisfaction-invitation`,
      { token },
    );
  const rate = (buyer: BuyerSession, body: unknown, language?: string) =>
    api<WidgetSatisfactionResponse & { error?: { code: string; message: string } }>(
      server.url,
      'POST',
      '/api/v1/widget/satisfaction',
      { token: buyer.token, body, headers: language ? { 'accept-language': language } : {} },
    );
  const widgetInvitation = async (buyer: BuyerSession) => {
    const read = await api<WidgetSatisfactionResponse>(server.url, 'GET', '/api/v1/widget/satisfaction', { token: buyer.token });
    assert.equal(read.status, 200, JSON.stringify(read.body));
    return read.body.invitation;
  };
  /** Moves the test clock and runs what is due (the idle sweep among it). */
  const advance = async (ms: number) => {
    clock += ms;
    await server.app.jobs.runDue();
  };

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    agents = await StreamClient.connect(server.url, owner.token);
    streams.push(agents);
  });
  after(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await server?.close();
  });

  it('closing a served session invites the buyer once: their widget hears it without agent ids, the agents with them', async () => {
    const { buyer, widget, id } = await servedBuyer();
    assert.equal(await widgetInvitation(buyer), null, 'nothing to rate while the chat goes on');
    await close(id);

    const invited = await widget.nextOfType('satisfaction.invited');
    assert.equal(invited.invitation?.state, 'pending');
    assert.equal(invited.rating, undefined, "the buyer gets the buyer's view only");
    assert.ok(!JSON.stringify(invited).includes(presale.agent.id), 'no agent id reaches the buyer');
    const heard = await agents.nextOfType('satisfaction.invited', (f) => f.rating?.conversationId === id);
    assert.equal(heard.rating?.invitedBy, 'closed');
    assert.equal(heard.rating?.agent?.id, presale.agent.id, 'the rating is about the agent who served the buyer');
    assert.equal(heard.rating?.state, 'invited');

    // The widget reloads: the invitation is still there to rate.
    assert.equal((await widgetInvitation(buyer))?.id, invited.invitation?.id);
    // Another way to invite the same session is refused, and the sweep adds nothing.
    const again = await inviteByHand(id);
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, 'satisfaction_already_invited');
    await advance(30 * MINUTE);
    assert.equal((await ratings(id)).length, 1, 'one invitation per session');
  });

  it('a buyer who comes back starts a new session: it is rated again once it ends; a session no agent answered is not', async () => {
    const { buyer, id } = await servedBuyer('在吗？');
    await close(id);
    await agents.nextOfType('satisfaction.invited', (f) => f.rating?.conversationId === id);
    // The buyer writes again (the conversation reopens), nobody answers, and it is closed: nothing to rate.
    assert.equal((await buyerSays(server.url, buyer.token, '还有个问题')).status, 201);
    await close(id);
    await advance(MINUTE);
    assert.equal((await ratings(id)).length, 1, 'an unanswered session is not rated');
    // Then again, answered this time: a second invitation for the second rated session.
    assert.equal((await buyerSays(server.url, buyer.token, '发什么快递？')).status, 201);
    assert.equal((await agentSays(server.url, presale.token, id, '亲，默认中通哦')).status, 201);
    await close(id);
    await until(async () => (await ratings(id)).length === 2);
    const [first, second] = await ratings(id);
    assert.notEqual(first!.id, second!.id);
    assert.equal(second!.invitedBy, 'closed');
  });

  it('a buyer quiet for the idle minutes after an answer is invited once, by the test clock; a buyer still waiting is not', async () => {
    const { widget, id } = await servedBuyer('这个能便宜点吗？');
    // A buyer whose question nobody answered: waiting, not idle.
    const waiting = await startBuyer(server.url);
    assert.equal((await buyerSays(server.url, waiting.token, '有人吗？')).status, 201);

    await advance(9 * MINUTE);
    assert.equal((await ratings(id)).length, 0, 'not yet: 9 of 10 minutes');
    await advance(2 * MINUTE);
    const invited = await widget.nextOfType('satisfaction.invited');
    assert.equal(invited.invitation?.state, 'pending');
    const [rating] = await ratings(id);
    assert.equal(rating?.invitedBy, 'idle');
    assert.equal((await ratings(waiting.conversation.id)).length, 0, 'a buyer waiting for an answer is never asked to rate');

    // Closing the idle session later adds no second invitation.
    await close(id);
    await advance(MINUTE);
    assert.equal((await ratings(id)).length, 1);
  });

  it('the serving agent invites by hand; before any answer, or with ratings off, the refusal says why', async () => {
    const buyer = await startBuyer(server.url);
    const widget = await StreamClient.connect(server.url, buyer.token);
    streams.push(widget);
    assert.equal((await buyerSays(server.url, buyer.token, '你好')).status, 201);
    const early = await inviteByHand(buyer.conversation.id);
    assert.equal(early.status, 409);
    assert.equal(early.body.error?.code, 'satisfaction_nothing_to_rate');

    assert.equal((await agentSays(server.url, presale.token, buyer.conversation.id, '亲，在的~')).status, 201);
    const off = await api(server.url, 'PUT', '/api/v1/settings/satisfaction', {
      token: owner.token,
      body: { enabled: false, idleMinutes: 10 },
    });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    const refused = await inviteByHand(buyer.conversation.id);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error?.code, 'satisfaction_disabled');
    await api(server.url, 'PUT', '/api/v1/settings/satisfaction', {
      token: owner.token,
      body: { enabled: true, idleMinutes: 10 },
    });

    const invited = await inviteByHand(buyer.conversation.id);
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.rating.invitedBy, 'agent');
    assert.equal(invited.body.rating.invitingAgent?.id, presale.agent.id);
    assert.equal((await widget.nextOfType('satisfaction.invited')).invitation?.id, invited.body.rating.id);
  });

  it('the buyer rates once: the agents hear score, reasons and comment; a reload shows the rating; a second is refused', async () => {
    const { buyer, widget, id } = await servedBuyer('退货运费谁出？');
    await close(id);
    const invitation = (await widget.nextOfType('satisfaction.invited')).invitation!;

    const rated = await rate(buyer, {
      score: 5,
      reasons: ['fast_reply', 'friendly', 'fast_reply'],
      comment: '  客服很耐心，谢谢！ ',
    });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.deepEqual(
      { state: rated.body.invitation?.state, score: rated.body.invitation?.score, reasons: rated.body.invitation?.reasons },
      { state: 'rated', score: 5, reasons: ['fast_reply', 'friendly'] },
    );
    const heard = await agents.nextOfType('satisfaction.rated', (f) => f.rating?.conversationId === id);
    assert.equal(heard.rating?.score, 5);
    assert.deepEqual(heard.rating?.reasons, ['fast_reply', 'friendly']);
    assert.equal(heard.rating?.comment, '客服很耐心，谢谢！');
    assert.equal(heard.rating?.agent?.name, presale.agent.name);
    assert.equal(heard.rating?.ratedAt, new Date(clock).toISOString());

    // After a reload the widget shows the rating (the buyer resumes the same visitor).
    const again = await startBuyer(server.url, { visitorId: buyer.visitorId, visitorSecret: buyer.visitorSecret });
    const shown = await widgetInvitation(again);
    assert.equal(shown?.id, invitation.id);
    assert.equal(shown?.state, 'rated');
    assert.equal(shown?.comment, '客服很耐心，谢谢！');
    // The agent reading the conversation later sees it too.
    const [stored] = await ratings(id);
    assert.equal(stored?.state, 'rated');
    assert.equal(stored?.score, 5);

    const second = await rate(again, { score: 1, reasons: ['slow_reply'] });
    assert.equal(second.status, 409);
    assert.equal(second.body.error?.code, 'satisfaction_already_rated');
    assert.equal((await ratings(id))[0]?.score, 5, 'the first rating stands');
  });

  it('bad input: a rating nobody asked for, a score out of range, reasons of another level, a long comment, bad settings', async () => {
    const stranger = await startBuyer(server.url);
    const uninvited = await rate(stranger, { score: 5, reasons: [] });
    assert.equal(uninvited.status, 409);
    assert.equal(uninvited.body.error?.code, 'satisfaction_not_invited');
    assert.match(uninvited.body.error?.message ?? '', /没有待评价/);

    const { buyer, widget, id } = await servedBuyer('能开发票吗？');
    await close(id);
    await widget.nextOfType('satisfaction.invited');
    for (const body of [{ score: 6, reasons: [] }, { score: 0 }, { score: 4, reasons: ['no_such_reason'] }, {}]) {
      const refused = await rate(buyer, body);
      assert.equal(refused.status, 400, JSON.stringify(body));
      assert.equal(refused.body.error?.code, 'invalid_input');
    }
    const mismatch = await rate(buyer, { score: 5, reasons: ['slow_reply'] }, 'en');
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.error?.code, 'satisfaction_reason_mismatch');
    assert.equal(mismatch.body.error?.message, '"Slow replies" is not a reason offered with "Very satisfied"; choose again');
    const long = await rate(buyer, { score: 2, reasons: ['slow_reply'], comment: '慢'.repeat(501) });
    assert.equal(long.status, 400);
    const unknown = await rate(buyer, { invitationId: 'no-such-invitation', score: 3, reasons: [] });
    assert.equal(unknown.status, 404);
    // None of these rated it: the buyer still can.
    assert.equal((await widgetInvitation(buyer))?.state, 'pending');
    assert.equal((await rate(buyer, { score: 2, reasons: ['slow_reply', 'not_solved'] })).status, 200);

    for (const settings of [{ enabled: true, idleMinutes: 0 }, { enabled: 'yes', idleMinutes: 10 }, { idleMinutes: 10 }]) {
      const refused = await api(server.url, 'PUT', '/api/v1/settings/satisfaction', { token: owner.token, body: settings });
      assert.equal(refused.status, 400, JSON.stringify(settings));
    }
    const byPresale = await api(server.url, 'PUT', '/api/v1/settings/satisfaction', {
      token: presale.token,
      body: { enabled: false, idleMinutes: 5 },
    });
    assert.equal(byPresale.status, 403);
    const read = await api<SatisfactionSettingsResponse>(server.url, 'GET', '/api/v1/settings/satisfaction', {
      token: presale.token,
    });
    assert.deepEqual(read.body.settings, { enabled: true, idleMinutes: 10 });
  });
});
