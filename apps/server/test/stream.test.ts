import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ListMessagesResponse } from '@golddesk/contracts';
import WebSocket from 'ws';
import { agentSays, api, buyerSays, loginAgent, startBuyer, StreamClient } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('WebSocket stream', () => {
  let server: TestServer;
  let agent: { token: string };
  before(async () => {
    server = await startTestServer();
    agent = await loginAgent(server.url);
  });
  after(() => server.close());

  it('refuses the upgrade without a valid token', async () => {
    const status = (token: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/stream?token=${token}`);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => (socket.close(), resolve(101)));
      });
    assert.equal(await status('forged'), 401);
    assert.equal(await status(''), 401);
  });

  it('sends ready first, then buyer messages to agents and agent replies to the buyer', async () => {
    const buyer = await startBuyer(server.url);
    const agentStream = await StreamClient.connect(server.url, agent.token);
    const buyerStream = await StreamClient.connect(server.url, buyer.token);
    assert.equal(agentStream.frames[0]?.type, 'ready');
    assert.equal(buyerStream.frames[0]?.type, 'ready');

    await buyerSays(server.url, buyer.token, '你好，有人吗');
    const atAgent = await agentStream.nextOfType('message.created', (f) => f.message.conversationId === buyer.conversation.id);
    assert.equal(atAgent.message.body, '你好，有人吗');
    const waiting = await agentStream.nextOfType('conversation.updated', (f) => f.conversation.id === buyer.conversation.id);
    assert.ok(waiting.conversation.waitingSince);

    await agentSays(server.url, agent.token, buyer.conversation.id, '亲，在的~');
    const atBuyer = await buyerStream.nextOfType('message.created', (f) => f.message.sender === 'agent');
    assert.equal(atBuyer.message.body, '亲，在的~');
    assert.equal(atBuyer.message.seq, 2);
    await agentStream.close();
    await buyerStream.close();
  });

  it('shows a buyer only their own conversation', async () => {
    const alice = await startBuyer(server.url);
    const bob = await startBuyer(server.url);
    const aliceStream = await StreamClient.connect(server.url, alice.token);
    await buyerSays(server.url, bob.token, 'bob 的秘密');
    await agentSays(server.url, agent.token, bob.conversation.id, '给 bob 的回复');
    await buyerSays(server.url, alice.token, 'alice 的消息');
    await aliceStream.nextOfType('message.created', (f) => f.message.body === 'alice 的消息');
    assert.deepEqual(
      aliceStream.messages().map((m) => m.conversationId),
      [alice.conversation.id],
    );
    aliceStream.send({ type: 'resume', cursors: { [bob.conversation.id]: 0 } });
    await aliceStream.next((f) => f.type === 'synced');
    assert.ok(!aliceStream.messages().some((m) => m.conversationId === bob.conversation.id));
    await aliceStream.close();
  });

  it('resumes after a disconnect with every missed message, in order, without duplicates', async () => {
    const buyer = await startBuyer(server.url);
    const stream1 = await StreamClient.connect(server.url, buyer.token);
    await buyerSays(server.url, buyer.token, '第一条');
    await agentSays(server.url, agent.token, buyer.conversation.id, '回复一');
    await stream1.nextOfType('message.created', (f) => f.message.seq === 2);
    await stream1.close();

    for (let i = 3; i <= 8; i++) await agentSays(server.url, agent.token, buyer.conversation.id, `离线期间 ${i}`);
    const stream2 = await StreamClient.connect(server.url, buyer.token);
    stream2.send({ type: 'resume', cursors: { [buyer.conversation.id]: 2 } });
    // A live message racing the catch-up must not arrive twice or out of order.
    const live = agentSays(server.url, agent.token, buyer.conversation.id, '实时 9');
    await stream2.next((f) => f.type === 'synced');
    await live;
    await stream2.nextOfType('message.created', (f) => f.message.seq === 9);
    const seqs = stream2.messages(buyer.conversation.id).map((m) => m.seq);
    assert.deepEqual(seqs, [3, 4, 5, 6, 7, 8, 9]);
    await stream2.close();
  });

  it('sends over the socket with an ack after storing, idempotent on clientMsgId', async () => {
    const buyer = await startBuyer(server.url);
    const stream = await StreamClient.connect(server.url, buyer.token);
    const clientMsgId = randomUUID();
    stream.send({ type: 'message.send', clientMsgId, body: '通过长连接发送' });
    stream.send({ type: 'message.send', clientMsgId, body: '通过长连接发送' });
    const ack = await stream.nextOfType('message.ack', (f) => f.clientMsgId === clientMsgId);
    assert.equal(ack.message.seq, 1);
    stream.send({ type: 'message.send', clientMsgId: 'blank', body: '  ' });
    const rejected = await stream.next((f) => f.type === 'message.rejected');
    assert.equal(rejected.error.code, 'empty_message');
    const history = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
      token: buyer.token,
    });
    assert.equal(history.body.messages.length, 1);
    await stream.close();
  });

  it('relays typing and read state to the other side', async () => {
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '在吗');
    const agentStream = await StreamClient.connect(server.url, agent.token);
    const buyerStream = await StreamClient.connect(server.url, buyer.token);
    buyerStream.send({ type: 'typing', conversationId: buyer.conversation.id, typing: true });
    const typing = await agentStream.nextOfType('conversation.typing_changed', (f) => f.conversationId === buyer.conversation.id);
    assert.equal(typing.side, 'buyer');
    agentStream.send({ type: 'typing', conversationId: buyer.conversation.id, typing: true });
    assert.equal((await buyerStream.next((f) => f.type === 'conversation.typing_changed')).side, 'agent');
    agentStream.send({ type: 'read', conversationId: buyer.conversation.id, seq: 1 });
    const read = await buyerStream.next((f) => f.type === 'conversation.read');
    assert.deepEqual({ side: read.side, seq: read.seq }, { side: 'agent', seq: 1 });
    await agentSays(server.url, agent.token, buyer.conversation.id, '在的');
    buyerStream.send({ type: 'read', conversationId: buyer.conversation.id, seq: 2 });
    const buyerRead = await agentStream.nextOfType('conversation.read', (f) => f.side === 'buyer');
    assert.equal(buyerRead.seq, 2);
    await agentStream.close();
    await buyerStream.close();
  });
});
