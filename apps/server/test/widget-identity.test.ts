import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  DemoIdentityResponse,
  ErrorEnvelope,
  SendMessageResponse,
  WidgetOrdersResponse,
  WidgetSessionResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent } from './helpers/clients.js';
import { customerProfile } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('demo sign-in: the demo shop plays "the shop\'s backend" for widget identity', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const demoIdentity = (body: object) =>
    api<DemoIdentityResponse>(server.url, 'POST', '/api/v1/demo/identity', { body: { shop: 'demo', ...body } });
  const session = (body: object) =>
    api<WidgetSessionResponse>(server.url, 'POST', '/api/v1/widget/sessions', { body: { shop: 'demo', ...body } });
  // why: a seeded buyer's visitor id is in no agent API, and this checks the signature names that very buyer.
  const demoBuyer = (visitorId: string) =>
    server.app.context.storage.db
      .selectFrom('buyers')
      .select(['id', 'nick', 'external_id'])
      .where('visitor_id', '=', visitorId)
      .executeTakeFirstOrThrow();

  it('signs a demo buyer that the widget session accepts as that verified customer, who then sees their orders', async () => {
    const signed = await demoIdentity({});
    assert.equal(signed.status, 200);
    const expected = await demoBuyer('demo-buyer-001');
    assert.equal(signed.body.buyer.nick, expected.nick);
    assert.equal(signed.body.identity.externalId, expected.external_id, 'the seed gives demo buyers a customer id');

    const verified = await session({ visitorId: 'another-browser-01', identity: signed.body.identity });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.buyer.id, expected.id, 'the demo buyer, not a new visitor');
    assert.equal(verified.body.buyer.verified, true);
    const orders = await api<z.infer<typeof WidgetOrdersResponse>>(server.url, 'GET', '/api/v1/widget/orders', {
      token: verified.body.token,
    });
    assert.equal(orders.status, 200);
    const owner = await loginAgent(server.url, 'owner');
    const stored = (await customerProfile(server.url, owner.token, expected.id)).orders;
    assert.ok(stored.length >= 2);
    assert.deepEqual(orders.body.orders.map((o: { id: string }) => o.id).sort(), stored.map((o) => o.id).sort());

    // The verified buyer sends one of their orders as a card into their own chat.
    const card = await api<SendMessageResponse>(server.url, 'POST', '/api/v1/widget/messages', {
      token: verified.body.token,
      body: { kind: 'order', orderId: orders.body.orders[0]?.id, clientMsgId: randomUUID() },
    });
    assert.equal(card.status, 201, JSON.stringify(card.body));
    assert.equal(card.body.message.order?.orderNo, orders.body.orders[0]?.orderNo);

    // The demo buyer's visitor id alone is no way in: it starts a new, empty anonymous visitor.
    const anonymous = await session({ visitorId: 'demo-buyer-001' });
    assert.notEqual(anonymous.body.buyer.id, expected.id);
    assert.notEqual(anonymous.body.visitorId, 'demo-buyer-001');
    assert.equal(anonymous.body.buyer.verified, false);
    assert.equal((await api(server.url, 'GET', '/api/v1/widget/orders', { token: anonymous.body.token })).status, 403);
  });

  it('signs in as another demo buyer by visitor id, giving a customer id to demo buyers seeded without one', async () => {
    // why: no API takes a customer id away; this plays a demo buyer seeded without one.
    const db = server.app.context.storage.db;
    await db.updateTable('buyers').set({ external_id: null }).where('visitor_id', '=', 'demo-buyer-003').execute();
    const signed = await demoIdentity({ buyer: 'demo-buyer-003' });
    assert.equal(signed.status, 200);
    assert.equal(signed.body.identity.externalId, 'demo-member-003');
    const verified = await session({ identity: signed.body.identity });
    assert.equal(verified.body.buyer.id, (await demoBuyer('demo-buyer-003')).id);
    assert.equal((await demoIdentity({ buyer: 'demo-buyer-003' })).body.identity.externalId, 'demo-member-003', 'stable');
  });

  it('refuses other shops, unknown or malformed buyers', async () => {
    const other = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/demo/identity', { body: { shop: 'acme' } });
    assert.equal(other.status, 403);
    assert.equal(other.body.error.code, 'demo_only');
    assert.equal((await demoIdentity({ buyer: 'demo-buyer-999' })).status, 404);
    const malformed = await demoIdentity({ buyer: 'owner' });
    assert.equal(malformed.status, 400);
    // A signature for one demo buyer cannot be bent into another customer.
    const signed = (await demoIdentity({})).body.identity;
    const bent = await session({ identity: { ...signed, externalId: 'demo-member-002' } });
    assert.equal(bent.status, 401);
  });
});

describe('demo sign-in with the demo turned off', () => {
  it('does not exist, so a real shop (even one named demo) can never be signed into from the browser', async () => {
    const server = await startTestServer({ env: { GOLDDESK_DEMO: '0' } });
    try {
      const response = await api(server.url, 'POST', '/api/v1/demo/identity', { body: { shop: 'demo' } });
      assert.equal(response.status, 404);
    } finally {
      await server.close();
    }
  });
});
