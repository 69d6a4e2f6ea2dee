import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ListConversationsResponse, ListMessagesResponse, SendMessageResponse } from '@golddesk/contracts';
import pg from 'pg';
import { agentSays, api, buyerSays, loginAgent, startBuyer, StreamClient } from './helpers/clients.js';
import { runMain, startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { createTestDatabase, DEMO_PASSWORD, TEST_DB, TEST_REDIS_URL } from './helpers/test-server.js';

describe('the server process', () => {
  it('names every bad variable on its own line and exits 1 without a stack trace', async () => {
    const { done } = runMain({ PORT: 'abc', DATABASE_URL: 'mysql://nope', GOLDDESK_DEMO_PASSWORD: 'short' });
    const { code, stderr } = await done;
    assert.equal(code, 1);
    const lines = stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('config error:'));
    assert.equal(lines.length, 3, stderr);
    assert.ok(lines.some((l) => l.includes('PORT')));
    assert.ok(lines.some((l) => l.includes('DATABASE_URL') && l.includes('postgres://')));
    assert.ok(lines.some((l) => l.includes('GOLDDESK_DEMO_PASSWORD')));
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('on SIGTERM finishes what is in flight, closes sockets and exits 0 within 10 s', async () => {
    const database = await createTestDatabase();
    const server = await startServerProcess({ ...database.env, GOLDDESK_DEMO_PASSWORD: DEMO_PASSWORD });
    try {
      const buyer = await startBuyer(server.url);
      const stream = await StreamClient.connect(server.url, buyer.token);
      const closed = new Promise<number>((resolve) => stream.socket.on('close', (code) => resolve(code)));
      const inFlight = Array.from({ length: 20 }, (_, i) => buyerSays(server.url, buyer.token, `关机前 ${i}`));
      const exit = server.terminate();
      const results = await Promise.allSettled(inFlight);
      const { code, ms } = await exit;
      assert.equal(code, 0);
      assert.ok(ms < 10_000, `took ${ms} ms`);
      assert.equal(await closed, 1001);
      // Whatever was acknowledged is stored: restart and count.
      const acknowledged = results.filter((r) => r.status === 'fulfilled' && r.value.status === 201).length;
      const again = await startServerProcess({ ...database.env, GOLDDESK_DEMO_PASSWORD: DEMO_PASSWORD });
      try {
        const session = await startBuyer(again.url, buyer);
        const history = await api<ListMessagesResponse>(again.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
          token: session.token,
        });
        assert.ok(history.body.messages.length >= acknowledged);
      } finally {
        await again.terminate();
      }
    } finally {
      if (server.child.exitCode === null) await server.terminate();
      await database.drop();
    }
  });
});

describe('two processes on one PostgreSQL + Redis', { skip: TEST_DB !== 'postgres' || !TEST_REDIS_URL }, () => {
  const running: ServerProcess[] = [];
  let drop: () => Promise<void> = async () => undefined;
  after(async () => {
    for (const p of running) if (p.child.exitCode === null) await p.terminate();
    await drop();
  });

  it('lets a buyer on one process and an agent on the other chat both ways, and keeps it all across a restart', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const env = { ...database.env, GOLDDESK_DEMO_PASSWORD: DEMO_PASSWORD };
    // Both start at once on the empty database: one migrates and seeds, the other waits its turn.
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    running.push(a, b);
    // This story counts every message of a new chat: the demo's welcome auto-reply would add one.
    const sql = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await sql.connect();
    await sql.query("UPDATE auto_reply_rules SET enabled = 0 WHERE kind = 'welcome'");
    await sql.end();

    const buyer = await startBuyer(a.url);
    const agent = await loginAgent(b.url);
    const buyerStream = await StreamClient.connect(a.url, buyer.token);
    const agentStream = await StreamClient.connect(b.url, agent.token);

    await buyerSays(a.url, buyer.token, '我在 A 进程');
    const atAgent = await agentStream.nextOfType('message.created', (f) => f.message.conversationId === buyer.conversation.id);
    assert.equal(atAgent.message.body, '我在 A 进程');

    await agentSays(b.url, agent.token, buyer.conversation.id, '我在 B 进程回复您');
    const atBuyer = await buyerStream.nextOfType('message.created', (f) => f.message.sender === 'agent');
    assert.equal(atBuyer.message.body, '我在 B 进程回复您');
    // The same clientMsgId sent to both processes is still one message.
    const [x, y] = await Promise.all([
      api<SendMessageResponse>(a.url, 'POST', '/api/v1/widget/messages', {
        token: buyer.token,
        body: { body: '只发一次', clientMsgId: 'twice-same-id' },
      }),
      api<SendMessageResponse>(b.url, 'POST', '/api/v1/widget/messages', {
        token: buyer.token,
        body: { body: '只发一次', clientMsgId: 'twice-same-id' },
      }),
    ]);
    assert.equal(x.body.message.id, y.body.message.id);
    await buyerStream.close();
    await agentStream.close();

    for (const p of running.splice(0)) assert.equal((await p.terminate()).code, 0);
    const [a2, b2] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    running.push(a2, b2);
    const again = await startBuyer(b2.url, buyer);
    const history = await api<ListMessagesResponse>(b2.url, 'GET', '/api/v1/widget/messages?afterSeq=0', { token: again.token });
    assert.deepEqual(
      history.body.messages.map((m: { seq: number; body: string }) => [m.seq, m.body]),
      [
        [1, '我在 A 进程'],
        [2, '我在 B 进程回复您'],
        [3, '只发一次'],
      ],
    );
    const agentAgain = await loginAgent(a2.url);
    const list = await api<ListConversationsResponse>(a2.url, 'GET', '/api/v1/conversations', { token: agentAgain.token });
    assert.ok(list.body.conversations.some((c: { id: string }) => c.id === buyer.conversation.id));
  });
});
