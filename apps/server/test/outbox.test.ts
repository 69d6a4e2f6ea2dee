import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type {
  AutoReplyResponse,
  ListDeliveriesResponse,
  ListMessagesResponse,
  Message,
  OrderView,
  SendMessageResponse,
  WebhookResponse,
  WebhookTestResponse,
} from '@golddesk/contracts';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { RedisEventBus, type EventBus } from '../src/platform/events/event-bus.js';
import { api, loginAgent, startBuyer, until } from './helpers/clients.js';
import { allOrders } from './helpers/lookups.js';
import { createTestDatabase, startTestServer, TEST_DB, TEST_REDIS_URL, type TestServer } from './helpers/test-server.js';

const KEYWORD_REPLY = '亲，退款会在 1-3 个工作日内原路退回～';

/** A webhook delivery as sent: one of the events a webhook subscribes to, or the test ping. */
type Delivery = { id: string; occurredAt: string } & (
  | { type: 'message.created'; data: { message: Message } }
  | { type: 'order.updated'; data: { order: OrderView } }
  | { type: 'ping'; data: { webhookId: string; message: string } }
);

/** A loopback webhook receiver that keeps every delivery it got. */
async function startReceiver(): Promise<{ url: string; received: Delivery[]; server: Server }> {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body) as Delivery);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, received, server };
}

/**
 * Makes this process's event bus lose what it publishes: with Redis the publisher connection is cut (the
 * publish fails), in one process the event is dropped. Returns the repair.
 */
async function breakBus(bus: EventBus): Promise<() => Promise<void>> {
  if (bus instanceof RedisEventBus) {
    const publisher = (bus as unknown as { publisher: Redis }).publisher;
    publisher.disconnect();
    return async () => {
      await publisher.connect();
    };
  }
  const publish = bus.publish;
  bus.publish = () => undefined;
  return async () => {
    bus.publish = publish;
  };
}

/** Webhook subscription to both events and a keyword auto-reply, set up by the owner. */
async function setUpShop(base: string, hookUrl: string) {
  const owner = await loginAgent(base, 'owner');
  const created = await api<z.infer<typeof WebhookResponse>>(base, 'POST', '/api/v1/webhooks', {
    token: owner.token,
    body: { url: hookUrl, events: ['message.created', 'order.updated'] },
  });
  assert.equal(created.status, 201);
  const rule = await api<z.infer<typeof AutoReplyResponse>>(base, 'POST', '/api/v1/auto-replies', {
    token: owner.token,
    body: {
      kind: 'keyword',
      name: '退款',
      keywords: ['退款'],
      match: 'contains',
      priority: 1,
      text: KEYWORD_REPLY,
      enabled: true,
    },
  });
  assert.equal(rule.status, 200, JSON.stringify(rule.body));
  return { owner, webhookId: created.body.webhook.id as string };
}

const botReplies = async (base: string, token: string, conversationId: string) =>
  (
    await api<ListMessagesResponse>(base, 'GET', `/api/v1/conversations/${conversationId}/messages?afterSeq=0&limit=200`, {
      token,
    })
  ).body.messages.filter((m) => m.sender === 'bot' && m.body === KEYWORD_REPLY);

describe('outbox: events that webhooks and automation depend on are never lost', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    receiver = await startReceiver();
  });
  after(() => receiver.server.close());

  it('a buyer message and an order action committed while the bus fails reach the webhook and the auto-reply exactly once', async () => {
    const server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' } });
    try {
      const { owner } = await setUpShop(server.url, receiver.url);
      const buyer = await startBuyer(server.url);
      const repair = await breakBus(server.app.context.bus);
      const sent = await api<SendMessageResponse>(server.url, 'POST', '/api/v1/widget/messages', {
        token: buyer.token,
        body: { body: '我想退款，怎么操作', clientMsgId: randomUUID() },
      });
      assert.equal(sent.status, 201);
      const messageId = sent.body.message.id as string;
      const order = (await allOrders(server.url, owner.token)).find(({ order }) => order.status === 'pending_payment')!.order;
      const memo = await api(server.url, 'POST', `/api/v1/orders/${order.id}/memo`, {
        token: owner.token,
        body: { requestId: randomUUID(), memo: '总线断开时的备注', flag: 'blue' },
      });
      assert.equal(memo.status, 200);

      await until(
        async () =>
          receiver.received.some((d) => d.type === 'message.created' && d.data.message.id === messageId) &&
          (await botReplies(server.url, owner.token, buyer.conversation.id)).length > 0,
      );
      await repair();
      // Everything due is handed over and sent; then nothing more may arrive for the same events.
      await server.app.outbox.drain();
      await server.app.jobs.runDue();
      await until(async () => receiver.received.some((d) => d.type === 'order.updated' && d.data.order.id === order.id));
      await server.app.outbox.drain();
      await server.app.jobs.runDue();

      assert.equal(
        receiver.received.filter((d) => d.type === 'message.created' && d.data.message.id === messageId).length,
        1,
        'one delivery',
      );
      assert.equal((await botReplies(server.url, owner.token, buyer.conversation.id)).length, 1, 'one auto-reply');
      const orderDeliveries = receiver.received.filter(
        (d): d is Extract<Delivery, { type: 'order.updated' }> => d.type === 'order.updated' && d.data.order.id === order.id,
      );
      assert.equal(orderDeliveries.length, 1);
      assert.equal(orderDeliveries[0]!.data.order.memo, '总线断开时的备注');
    } finally {
      await server.close();
    }
  });

  it('a web-only process runs no background work; a worker started later on the same database relays it once', async () => {
    const database = await createTestDatabase();
    const env = { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' };
    const web = await startTestServer({ database, env: { ...env, GOLDDESK_ROLES: 'web' } });
    let worker: TestServer | undefined;
    try {
      const { owner, webhookId } = await setUpShop(web.url, receiver.url);
      const buyer = await startBuyer(web.url);
      const sent = await api<SendMessageResponse>(web.url, 'POST', '/api/v1/widget/messages', {
        token: buyer.token,
        body: { body: '退款到哪一步了', clientMsgId: randomUUID() },
      });
      assert.equal(sent.status, 201);
      const messageId = sent.body.message.id as string;
      const ping = await api<z.infer<typeof WebhookTestResponse>>(web.url, 'POST', `/api/v1/webhooks/${webhookId}/test`, {
        token: owner.token,
      });
      assert.equal(ping.status, 201);

      // The web process commits and answers, but relays and sends nothing: as if it died right after the commit.
      // why: the outbox has no API; its rows are the only witness that nothing was relayed.
      const db = web.app.context.storage.db;
      const waiting = await db.selectFrom('outbox_events').select('id').where('relayed_at', 'is', null).execute();
      assert.ok(waiting.length >= 1, 'the buyer message waits in the outbox');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(
        (await db.selectFrom('outbox_events').select('id').where('relayed_at', 'is', null).execute()).length,
        waiting.length,
      );
      assert.equal(receiver.received.filter((d) => d.type === 'message.created' && d.data.message.id === messageId).length, 0);
      assert.equal((await botReplies(web.url, owner.token, buyer.conversation.id)).length, 0);
      const deliveries = await api<z.infer<typeof ListDeliveriesResponse>>(
        web.url,
        'GET',
        `/api/v1/webhooks/${webhookId}/deliveries`,
        { token: owner.token },
      );
      const pingRow = deliveries.body.deliveries.find((d: { id: string }) => d.id === ping.body.delivery.id)!;
      assert.deepEqual(
        { status: pingRow.status, attempts: Number(pingRow.attempts) },
        { status: 'pending', attempts: 0 },
        'no job ran on the web process',
      );
      await web.stop();

      const started = await startTestServer({ database, env: { ...env, GOLDDESK_ROLES: 'worker' } });
      worker = started;
      const workerOwner = await loginAgent(started.url, 'owner');
      await until(
        async () =>
          receiver.received.some((d) => d.type === 'message.created' && d.data.message.id === messageId) &&
          receiver.received.some((d) => d.type === 'ping' && d.data.webhookId === webhookId) &&
          (await botReplies(started.url, workerOwner.token, buyer.conversation.id)).length > 0,
      );
      await started.app.outbox.drain();
      await started.app.jobs.runDue();
      assert.equal(
        receiver.received.filter((d) => d.type === 'message.created' && d.data.message.id === messageId).length,
        1,
        'one delivery',
      );
      assert.equal(
        receiver.received.filter((d) => d.type === 'ping' && d.data.webhookId === webhookId).length,
        1,
        'the ping once',
      );
      assert.equal((await botReplies(started.url, workerOwner.token, buyer.conversation.id)).length, 1, 'one auto-reply');
      // why: the outbox has no API; an empty outbox is what "everything relayed" means.
      const left = await started.app.context.storage.db
        .selectFrom('outbox_events')
        .select('id')
        .where('relayed_at', 'is', null)
        .execute();
      assert.deepEqual(left, [], 'everything relayed');
    } finally {
      await worker?.stop();
      await web.stop();
      await database.drop();
    }
  });

  const multiProcess = TEST_DB !== 'postgres' || !TEST_REDIS_URL ? 'needs PostgreSQL + Redis' : false;
  it('three worker processes on one database relay each event once', { skip: multiProcess }, async () => {
    const database = await createTestDatabase();
    const servers: TestServer[] = [];
    try {
      const env = { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1', JOBS_TICK_SECONDS: '0.2' };
      for (let i = 0; i < 3; i++) servers.push(await startTestServer({ database, env }));
      const { owner } = await setUpShop(servers[0]!.url, receiver.url);
      const sent: { conversationId: string; messageId: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const base = servers[i % 3]!.url;
        const buyer = await startBuyer(base);
        const answer = await api<SendMessageResponse>(base, 'POST', '/api/v1/widget/messages', {
          token: buyer.token,
          body: { body: `第${i}单怎么退款`, clientMsgId: randomUUID() },
        });
        sent.push({ conversationId: buyer.conversation.id, messageId: answer.body.message.id });
      }
      const deliveredOnce = (messageId: string) =>
        receiver.received.filter((d) => d.type === 'message.created' && d.data.message.id === messageId).length;
      await until(async () => sent.every((m) => deliveredOnce(m.messageId) >= 1));
      for (const server of servers) await server.app.outbox.drain();
      for (const server of servers) await server.app.jobs.runDue();
      for (const message of sent) {
        assert.equal(deliveredOnce(message.messageId), 1, 'one delivery per message');
        assert.equal(
          (await botReplies(servers[0]!.url, owner.token, message.conversationId)).length,
          1,
          'one auto-reply per message',
        );
      }
    } finally {
      for (const server of servers) await server.stop();
      await database.drop();
    }
  });
});
