import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ConversationResponse,
  ListConversationsResponse,
  ListMessagesResponse,
  SearchMessagesResponse,
  SendMessageResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { agentSays, api, buyerSays, type JsonResponse, loginAgent, startBuyer } from './helpers/clients.js';
import { createTestDatabase, startTestServer, type TestServer } from './helpers/test-server.js';

describe('widget sessions and messages', () => {
  let server: TestServer;
  let agent: { token: string; agent: { id: string } };
  before(async () => {
    server = await startTestServer();
    agent = await loginAgent(server.url);
  });
  after(() => server.close());

  it('gives the same visitor the same buyer and conversation, a new visitor a new one', async () => {
    const first = await startBuyer(server.url);
    const again = await startBuyer(server.url, first);
    const other = await startBuyer(server.url);
    assert.equal(first.buyer.id, again.buyer.id);
    assert.equal(first.conversation.id, again.conversation.id);
    assert.notEqual(first.conversation.id, other.conversation.id);
  });

  it('stores text verbatim and answers the same clientMsgId with the same message', async () => {
    const buyer = await startBuyer(server.url);
    const text = '<script>alert("x")</script> 亲，这件 M 码有货吗？\n第二行';
    // why: the buyerSays and agentSays helpers answer JsonResponse<unknown>; the route answers SendMessageResponse.
    const first = (await buyerSays(server.url, buyer.token, text, 'client-1')) as JsonResponse<SendMessageResponse>;
    assert.equal(first.status, 201);
    assert.equal(first.body.message.body, text);
    assert.equal(first.body.message.seq, 1);
    assert.equal(first.body.message.sender, 'buyer');
    const retry = (await buyerSays(server.url, buyer.token, text, 'client-1')) as JsonResponse<SendMessageResponse>;
    assert.equal(retry.status, 200);
    assert.equal(retry.body.message.id, first.body.message.id);
    const history = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
      token: buyer.token,
    });
    assert.equal(history.body.messages.length, 1);
  });

  it('numbers concurrent messages 1..N without gaps or repeats, also when retries race', async () => {
    const buyer = await startBuyer(server.url);
    const sends = Array.from({ length: 60 }, (_, i) => buyerSays(server.url, buyer.token, `消息 ${i}`, `c-${i % 40}`));
    const results = (await Promise.all(sends)) as JsonResponse<SendMessageResponse>[];
    assert.ok(results.every((r) => r.status === 200 || r.status === 201));
    const history = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0&limit=200', {
      token: buyer.token,
    });
    const seqs = history.body.messages.map((m: { seq: number }) => m.seq);
    assert.deepEqual(
      seqs,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const ids = new Set(results.map((r) => r.body.message.id));
    assert.equal(ids.size, 40, 'each clientMsgId maps to exactly one message');
  });

  it('pages history ascending after a seq, before a seq, and caps a huge limit instead of refusing it', async () => {
    const buyer = await startBuyer(server.url);
    for (let i = 1; i <= 230; i += 1) await buyerSays(server.url, buyer.token, `第${i}条`, `p-${i}`);
    const capped = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0&limit=1000', {
      token: buyer.token,
    });
    assert.equal(capped.status, 200);
    assert.equal(capped.body.messages.length, 200);
    assert.equal(capped.body.messages[0]?.seq, 1);
    const after = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=225', {
      token: buyer.token,
    });
    assert.deepEqual(
      after.body.messages.map((m: { seq: number }) => m.seq),
      [226, 227, 228, 229, 230],
    );
    const back = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?beforeSeq=11&limit=3', {
      token: buyer.token,
    });
    assert.deepEqual(
      back.body.messages.map((m: { seq: number }) => m.seq),
      [8, 9, 10],
    );
    assert.equal(back.body.hasMore, true);
    const agentView = await api<ListMessagesResponse>(
      server.url,
      'GET',
      `/api/v1/conversations/${buyer.conversation.id}/messages?afterSeq=0&limit=5`,
      {
        token: agent.token,
      },
    );
    assert.deepEqual(
      agentView.body.messages.map((m: { body: string }) => m.body),
      ['第1条', '第2条', '第3条', '第4条', '第5条'],
    );
  });

  it('puts a new buyer in 待接待 with a wait timer, and an agent reply moves it to that agent', async () => {
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '在吗');
    const waiting = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations?filter=waiting', {
      token: agent.token,
    });
    const row = waiting.body.conversations.find((c: { id: string }) => c.id === buyer.conversation.id);
    assert.ok(row, 'listed as waiting');
    assert.ok(row.waitingSince);
    assert.equal(row.unreadCount, 1);
    assert.equal(row.lastMessage?.body, '在吗');
    const reply = (await agentSays(
      server.url,
      agent.token,
      buyer.conversation.id,
      '亲，在的，请问有什么可以帮您？',
    )) as JsonResponse<SendMessageResponse>;
    assert.equal(reply.body.message.sender, 'agent');
    assert.equal(reply.body.message.seq, 2);
    assert.equal(reply.body.message.agent?.id, agent.agent.id);
    const mine = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations?filter=mine', {
      token: agent.token,
    });
    const minRow = mine.body.conversations.find((c: { id: string }) => c.id === buyer.conversation.id);
    assert.ok(minRow, 'now in 我的');
    assert.equal(minRow.waitingSince, null);
    const stillWaiting = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations?filter=waiting', {
      token: agent.token,
    });
    assert.ok(!stillWaiting.body.conversations.some((c: { id: string }) => c.id === buyer.conversation.id));
    const read = await api<z.infer<typeof ConversationResponse>>(
      server.url,
      'POST',
      `/api/v1/conversations/${buyer.conversation.id}/read`,
      {
        token: agent.token,
        body: { seq: 2 },
      },
    );
    assert.equal(read.body.conversation.unreadCount, 0);
  });

  it('lists conversations by most recent activity first', async () => {
    const a = await startBuyer(server.url);
    const b = await startBuyer(server.url);
    await buyerSays(server.url, a.token, 'A 先说');
    await new Promise((r) => setTimeout(r, 5));
    await buyerSays(server.url, b.token, 'B 后说');
    const list = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations', { token: agent.token });
    const ids = list.body.conversations.map((c: { id: string }) => c.id);
    assert.ok(ids.indexOf(b.conversation.id) < ids.indexOf(a.conversation.id));
    await new Promise((r) => setTimeout(r, 5));
    await buyerSays(server.url, a.token, 'A 又说');
    const again = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations', { token: agent.token });
    assert.equal(again.body.conversations[0]?.id, a.conversation.id);
  });

  it('finds Chinese words, two-character ones included, in the shop history', async () => {
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '请问羽绒服什么时候发货？用圆通还是顺丰');
    await buyerSays(server.url, buyer.token, '口红色号太深了');
    const q = async (text: string) =>
      (
        await api<SearchMessagesResponse>(server.url, 'GET', `/api/v1/search/messages?q=${encodeURIComponent(text)}`, {
          token: agent.token,
        })
      ).body;
    const hits = await q('发货');
    assert.ok(hits.hits.some((h: { message: { body: string } }) => h.message.body.includes('羽绒服什么时候发货')));
    assert.ok(!hits.hits.some((h: { message: { body: string } }) => h.message.body.includes('口红')));
    assert.ok((await q('顺丰')).hits.length >= 1);
    assert.ok((await q('羽绒服 圆通')).hits.some((h: { buyer: { id: string } }) => h.buyer.id === buyer.buyer.id));
    assert.equal((await q('羽绒服 退款')).hits.filter((h: { buyer: { id: string } }) => h.buyer.id === buyer.buyer.id).length, 0);
  });
});

describe('durability', () => {
  it('keeps every acknowledged message across a restart', async () => {
    const database = await createTestDatabase();
    const first = await startTestServer({ database });
    const buyer = await startBuyer(first.url);
    const sent = await Promise.all(
      Array.from({ length: 25 }, (_, i) => buyerSays(first.url, buyer.token, `持久化 ${i}`, `d-${i}`)),
    );
    assert.ok(sent.every((r) => r.status === 201));
    await first.stop();
    const second = await startTestServer({ database });
    try {
      const again = await startBuyer(second.url, buyer);
      assert.equal(again.conversation.id, buyer.conversation.id);
      const history = await api<ListMessagesResponse>(second.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
        token: again.token,
      });
      assert.equal(history.body.messages.length, 25);
      const next = (await buyerSays(second.url, again.token, '重启后第一条')) as JsonResponse<SendMessageResponse>;
      assert.equal(next.body.message.seq, 26);
    } finally {
      await second.close();
    }
  });
});
