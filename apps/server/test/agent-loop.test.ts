// The contact list's facts (what the buyer asked, who waited longest) and the end of a service session (结束).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  wordServerText,
  type ConversationResponse,
  type ConversationSummary,
  type ListConversationsResponse,
  type ListMessagesResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { settleAutoReplies } from '../src/modules/auto-replies/index.js';
import type { DomainEvent } from '../src/platform/events/domain-events.js';
import { agentSays, api, buyerSays, loginAgent, startBuyer, StreamClient, until } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** China time (UTC+8) → epoch ms. */
const china = (local: string) => Date.parse(`${local}+08:00`);
const FAREWELL = '本次会话已结束，有问题随时再找我们哦～';

describe('the agent loop: contact list and 结束', () => {
  let server: TestServer;
  // A Thursday morning inside the demo shop's hours, so its welcome greets new buyers.
  let clock = china('2026-11-05T10:00:00');
  let agent: { token: string; agent: { id: string } };
  const closedEvents: DomainEvent[] = [];

  const list = async (query: string) =>
    (await api<ListConversationsResponse>(server.url, 'GET', `/api/v1/conversations?${query}`, { token: agent.token })).body
      .conversations;

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock), demoWelcome: true });
    agent = await loginAgent(server.url, 'presale1');
    server.app.context.bus.subscribe((event) => {
      if (event.type === 'conversation.closed') closedEvents.push(event);
    });
  });

  after(async () => {
    await server?.close();
  });

  it("each summary carries the buyer's last message, which the welcome auto-reply does not replace", async () => {
    const buyer = await startBuyer(server.url);
    const question = '请问这件卫衣 165/50 穿什么码？';
    await buyerSays(server.url, buyer.token, question);
    await settleAutoReplies(server.app.context);
    let summary: ConversationSummary | undefined;
    await until(async () => {
      summary = (await list('filter=waiting')).find((c) => c.id === buyer.conversation.id);
      return summary?.lastMessage?.sender === 'bot';
    });
    assert.equal(summary?.lastMessage?.sender, 'bot', 'the welcome came after the question');
    assert.equal(summary?.lastBuyerMessage?.body, question);
    assert.equal(summary?.lastBuyerMessage?.sender, 'buyer');
    const one = (
      await api<z.infer<typeof ConversationResponse>>(server.url, 'GET', `/api/v1/conversations/${buyer.conversation.id}`, {
        token: agent.token,
      })
    ).body.conversation;
    assert.equal(one.lastBuyerMessage?.body, question);
  });

  it('sort=waiting lists the longest-waiting buyer first; the default stays most recent activity first', async () => {
    const [a, b, c] = [await startBuyer(server.url), await startBuyer(server.url), await startBuyer(server.url)];
    for (const buyer of [a, b, c]) {
      clock += 60_000;
      await buyerSays(server.url, buyer.token, '在吗');
      // The welcome answers at the same minute, before the clock moves on (its time is the conversation's activity).
      await settleAutoReplies(server.app.context);
    }
    clock += 60_000;
    await buyerSays(server.url, a.token, '还在吗？'); // a waited longest, and is also the latest to write
    const ours = new Set([a, b, c].map((x) => x.conversation.id));
    const byWait = (await list('filter=waiting&sort=waiting')).filter((x) => ours.has(x.id)).map((x) => x.id);
    const byRecency = (await list('filter=waiting')).filter((x) => ours.has(x.id)).map((x) => x.id);
    assert.deepEqual(
      byWait,
      [a, b, c].map((x) => x.conversation.id),
    );
    assert.deepEqual(
      byRecency,
      [a, c, b].map((x) => x.conversation.id),
    );
    const all = await list('filter=all&sort=waiting');
    const firstNotWaiting = all.findIndex((x) => x.waitingSince === null);
    assert.ok(
      all.slice(firstNotWaiting).every((x) => x.waitingSince === null),
      'buyers not waiting come after the waiting ones',
    );
  });

  it('结束 tells the buyer in a system line on their stream, once however often it is pressed', async () => {
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '好的，谢谢');
    await settleAutoReplies(server.app.context); // the welcome has answered before the agent does
    await agentSays(server.url, agent.token, buyer.conversation.id, '不客气～');
    const stream = await StreamClient.connect(server.url, buyer.token);
    const eventsBefore = closedEvents.length;
    const first = await api<z.infer<typeof ConversationResponse>>(
      server.url,
      'POST',
      `/api/v1/conversations/${buyer.conversation.id}/close`,
      {
        token: agent.token,
        body: {},
      },
    );
    assert.equal(first.status, 200);
    assert.equal(first.body.conversation.status, 'closed');
    const frame = await stream.nextOfType('message.created', (f) => f.message.sender === 'system');
    assert.equal(frame.message.body, FAREWELL);
    assert.equal(frame.message.conversationId, buyer.conversation.id);
    // Agents reading in English see the line worded in English from its code.
    assert.equal(frame.message.notice?.code, 'conversation.closed');
    assert.match(wordServerText(frame.message.notice!, 'en') ?? '', /chat has ended/);

    const second = await api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/close`, {
      token: agent.token,
      body: {},
    });
    assert.equal(second.status, 200);
    const history = (
      await api<ListMessagesResponse>(server.url, 'GET', `/api/v1/conversations/${buyer.conversation.id}/messages?afterSeq=0`, {
        token: agent.token,
      })
    ).body.messages;
    assert.equal(history.filter((m) => m.body === FAREWELL).length, 1, 'closing twice writes the line once');
    assert.equal(stream.messages().filter((m) => m.sender === 'system').length, 1);

    // The hook for the rating invite: one conversation.closed per closing, after the commit.
    const mine = closedEvents.slice(eventsBefore);
    assert.equal(mine.length, 1);
    assert.deepEqual(
      mine.map((e) => e.type === 'conversation.closed' && [e.conversationId, e.buyerId, e.closedBy]),
      [[buyer.conversation.id, buyer.buyer.id, agent.agent.id]],
    );

    // The farewell is an automatic line: the contact list still previews what the buyer wrote.
    const summary = (await list('filter=all')).find((c) => c.id === buyer.conversation.id);
    assert.equal(summary?.lastMessage?.body, FAREWELL);
    assert.equal(summary?.lastBuyerMessage?.body, '好的，谢谢');

    // The buyer writing again reopens the chat; a new 结束 says goodbye again.
    await buyerSays(server.url, buyer.token, '还有个问题');
    await api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/close`, { token: agent.token, body: {} });
    await until(async () => stream.messages().filter((m) => m.sender === 'system').length === 2);
    assert.equal(stream.messages().filter((m) => m.body === FAREWELL).length, 2);
    assert.equal(closedEvents.length - eventsBefore, 2);
    await stream.close();
  });

  it('two 结束 at once still write the line once', async () => {
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '在吗');
    const close = () =>
      api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/close`, { token: agent.token, body: {} });
    const answers = await Promise.all([close(), close(), close()]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    const history = (
      await api<ListMessagesResponse>(server.url, 'GET', `/api/v1/conversations/${buyer.conversation.id}/messages?afterSeq=0`, {
        token: agent.token,
      })
    ).body.messages;
    assert.equal(history.filter((m) => m.body === FAREWELL).length, 1);
  });
});
