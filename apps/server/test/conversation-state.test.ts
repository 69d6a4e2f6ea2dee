// Issue 10 item 6: a conversation moves by one state machine — 待接待 → 接待中 → 已结束, and the buyer's next
// message reopens it in 待接待 — through the HTTP API (接待 assign, 结束 close, messages).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConversationResponse, ErrorEnvelope, ListConversationsResponse, ListMessagesResponse } from '@golddesk/contracts';
import type { z } from 'zod';
import { agentSays, api, buyerSays, loginAgent, startBuyer } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('conversation states: take, close, reopen', () => {
  let server: TestServer;
  let agentA: { token: string; agent: { id: string } };
  let agentB: { token: string; agent: { id: string } };

  before(async () => {
    server = await startTestServer();
    agentA = await loginAgent(server.url, 'presale1');
    agentB = await loginAgent(server.url, 'support1');
  });
  after(() => server.close());

  const take = (token: string, id: string, language = 'zh-CN') =>
    api<z.infer<typeof ConversationResponse>>(server.url, 'POST', `/api/v1/conversations/${id}/assign`, {
      token,
      body: {},
      headers: { 'accept-language': language },
    });
  const close = (token: string, id: string) =>
    api<z.infer<typeof ConversationResponse>>(server.url, 'POST', `/api/v1/conversations/${id}/close`, { token, body: {} });
  const summary = async (id: string) =>
    (await api<z.infer<typeof ConversationResponse>>(server.url, 'GET', `/api/v1/conversations/${id}`, { token: agentA.token }))
      .body.conversation;
  const listed = async (token: string, filter: string, id: string) =>
    (
      (await api<ListConversationsResponse>(server.url, 'GET', `/api/v1/conversations?filter=${filter}`, { token })).body
        .conversations as { id: string }[]
    ).some((c) => c.id === id);
  const systemLines = async (id: string) =>
    (
      (
        await api<ListMessagesResponse>(server.url, 'GET', `/api/v1/conversations/${id}/messages?afterSeq=0`, {
          token: agentA.token,
        })
      ).body.messages as { sender: string }[]
    ).filter((m) => m.sender === 'system').length;

  it("a waiting buyer is taken, taken over by a manager (not by a colleague), closed, and reopened by the buyer's next message", async () => {
    const buyer = await startBuyer(server.url);
    const id = buyer.conversation.id;
    await buyerSays(server.url, buyer.token, '在吗？');
    const waiting = await summary(id);
    assert.equal(waiting.status, 'open');
    assert.equal(waiting.assignee, null);
    assert.ok(waiting.waitingSince);
    assert.ok(await listed(agentA.token, 'waiting', id), '待接待 lists it');

    const taken = await take(agentA.token, id);
    assert.equal(taken.status, 200);
    assert.equal(taken.body.conversation.assignee?.id, agentA.agent.id);
    assert.ok(await listed(agentA.token, 'mine', id), "in the taker's 我的");
    assert.ok(!(await listed(agentA.token, 'waiting', id)), 'no longer 待接待');

    // Taking a colleague's buyer is a take-over (接管): the managers' (issue 12), refused to a front-line colleague.
    const refused = await take(agentB.token, id);
    assert.equal(refused.status, 403);
    assert.equal((await summary(id)).assignee?.id, agentA.agent.id, 'still the first taker');
    const manager = await loginAgent(server.url, 'owner');
    const takenOver = await take(manager.token, id);
    assert.equal(takenOver.status, 200);
    assert.equal(takenOver.body.conversation.assignee?.id, manager.agent.id, 'the owner takes it over');
    assert.ok(!(await listed(agentA.token, 'mine', id)));

    const closed = await close(agentB.token, id);
    assert.equal(closed.status, 200);
    assert.equal(closed.body.conversation.status, 'closed');
    assert.equal(closed.body.conversation.waitingSince, null);
    assert.equal(await systemLines(id), 1, 'the buyer reads one farewell line');

    // Closing twice is answered as done and writes nothing more.
    const again = await close(agentA.token, id);
    assert.equal(again.status, 200);
    assert.equal(again.body.conversation.status, 'closed');
    assert.equal(await systemLines(id), 1);

    // The buyer writes again: back in 待接待, nobody's.
    await buyerSays(server.url, buyer.token, '还有个问题');
    const reopened = await summary(id);
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.assignee, null);
    assert.ok(reopened.waitingSince);
    assert.ok(await listed(agentB.token, 'waiting', id));
    assert.equal((await take(agentB.token, id)).body.conversation.assignee?.id, agentB.agent.id, 'and can be taken again');
  });

  it('taking a closed conversation reopens it for the taker, as before, with no farewell repeated', async () => {
    const buyer = await startBuyer(server.url);
    const id = buyer.conversation.id;
    await buyerSays(server.url, buyer.token, '你好');
    await take(agentA.token, id);
    assert.equal((await close(agentA.token, id)).status, 200);
    const farewells = await systemLines(id);

    const taken = await take(agentB.token, id);
    assert.equal(taken.status, 200);
    assert.equal(taken.body.conversation.status, 'open');
    assert.equal(taken.body.conversation.assignee?.id, agentB.agent.id);
    assert.ok(await listed(agentB.token, 'mine', id), "in the taker's 我的");
    assert.equal(await systemLines(id), farewells);
  });

  it('an agent writing in a closed conversation reopens it with its agent, as before; unknown conversations are 404', async () => {
    const buyer = await startBuyer(server.url);
    const id = buyer.conversation.id;
    await buyerSays(server.url, buyer.token, '发货了吗');
    await take(agentA.token, id);
    await close(agentA.token, id);
    assert.equal((await agentSays(server.url, agentB.token, id, '补充一句：今天下午发货')).status, 201);
    const reopened = await summary(id);
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.assignee?.id, agentA.agent.id);
    assert.equal(reopened.waitingSince, null);

    for (const path of ['assign', 'close']) {
      const missing = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/conversations/no-such-conversation/${path}`, {
        token: agentA.token,
        body: {},
      });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not_found');
    }
  });
});
