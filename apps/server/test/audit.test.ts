// The audit log (issue #8 item 9): who may read it, personal data masked for managers, and every change of people,
// secrets, webhooks and settings recorded — without the secrets themselves.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  maskAddress,
  maskName,
  maskPhone,
  type ErrorEnvelope,
  type IntegrationSettings,
  type ListAuditResponse,
  type NoteResponse,
  type SegmentResponse,
  type TagResponse,
  type WebhookResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, type JsonResponse } from './helpers/clients.js';
import { allOrders, customerProfile } from './helpers/lookups.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helpers/test-server.js';

interface Entry {
  action: string;
  targetType: string;
  targetId: string;
  actor: { kind: string; name: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('personal data masks', () => {
  it("keep a phone's ends, an address's province and city, a name's first character", () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    assert.equal(maskPhone('138****1234'), '138****1234', 'already masked stays');
    assert.equal(maskAddress('广东省深圳市南山区科技园1号'), '广东省深圳市****');
    assert.equal(maskAddress('上海市浦东新区世纪大道100号'), '上海市****');
    assert.equal(maskAddress('广西壮族自治区南宁市青秀区1号'), '广西壮族自治区南宁市****');
    assert.equal(maskAddress('文三路 88 号'), '文三****');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('A'), 'A*');
  });
});

describe('audit log', () => {
  let server: TestServer;
  let receiver: Server;
  let receiverUrl: string;
  let owner: { token: string };
  let manager: { token: string };
  let buyerId: string;
  let unpaidOrderId: string;

  before(async () => {
    // Webhooks here point at a local receiver: the private-network guard is opened for this suite only.
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' } });
    receiver = createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end('ok')));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook?token=receiver-secret`;
    owner = await loginAgent(server.url, 'owner');
    const created = await api(server.url, 'POST', '/api/v1/team/agents', {
      token: owner.token,
      body: { username: 'manager-a', name: '主管阿强', role: 'manager', password: DEMO_PASSWORD },
    });
    assert.equal(created.status, 201);
    manager = await loginAgent(server.url, 'manager-a');
    // The first unpaid order by number, found in the buyers' profiles.
    const [first] = (await allOrders(server.url, owner.token))
      .filter(({ order }) => order.status === 'pending_payment')
      .sort((a, b) => (a.order.orderNo < b.order.orderNo ? -1 : 1));
    unpaidOrderId = first!.order.id;
    buyerId = first!.buyer.id;
  });
  after(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const audit = <T = z.infer<typeof ListAuditResponse>>(token: string, query = '') =>
    api<T>(server.url, 'GET', `/api/v1/audit${query}`, { token });
  const entriesOf = async (query = ''): Promise<Entry[]> => (await audit(owner.token, query)).body.entries;

  it("is for the owner and managers: pre-sales, after-sales and support get 403, also for one order's entries", async () => {
    for (const username of ['presale1', 'aftersale1', 'support1']) {
      const agent = await loginAgent(server.url, username);
      for (const query of ['', `?targetType=order&targetId=${unpaidOrderId}`]) {
        const res = await audit<ErrorEnvelope>(agent.token, query);
        assert.equal(res.status, 403, `${username} ${query}`);
        assert.equal(res.body.error.code, 'forbidden');
      }
    }
    assert.equal((await audit(owner.token)).status, 200);
    assert.equal((await audit(manager.token)).status, 200);
  });

  it('shows the owner a receiver change as written and a manager the same entry masked', async () => {
    const presale = await loginAgent(server.url, 'presale1');
    const change = await api(server.url, 'POST', `/api/v1/orders/${unpaidOrderId}/change-receiver`, {
      token: presale.token,
      body: {
        requestId: randomUUID(),
        name: '王小丫',
        phone: '13912345678',
        province: '江苏省',
        address: '南京市鼓楼区中山北路120号',
      },
    });
    assert.equal(change.status, 200);
    const query = `?targetType=order&targetId=${unpaidOrderId}`;
    const full = (await entriesOf(query)).find((e) => e.action === 'order.receiver_changed')!;
    assert.deepEqual(full.after, { name: '王小丫', phone: '13912345678', address: '江苏省南京市鼓楼区中山北路120号' });

    const masked = ((await audit(manager.token, query)).body.entries as Entry[]).find(
      (e) => e.action === 'order.receiver_changed',
    )!;
    assert.deepEqual(masked.after, { name: '王**', phone: '139****5678', address: '江苏省南京市****' });
    assert.match(String(masked.before!.phone), /^\d{3}\*{4}\d{4}$/);
    assert.match(String(masked.before!.address), /\*{4}$/);
    assert.equal(masked.actor.name, full.actor.name, 'who did it is not personal data');
    assert.ok(!JSON.stringify(masked).includes('13912345678') && !JSON.stringify(masked).includes('中山北路'));
  });

  it('records every change of people, secrets, webhooks and settings, never a secret itself', async () => {
    const owns = <T = unknown>(method: string, path: string, body?: object): Promise<JsonResponse<T>> =>
      api<T>(server.url, method, path, { token: owner.token, ...(body ? { body } : {}) });
    const ok = <T>(res: JsonResponse<T>) => {
      assert.ok(res.status >= 200 && res.status < 300, `${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const tag = ok(
      await owns<z.infer<typeof TagResponse>>('POST', '/api/v1/customer-tags', { name: '审计标签', color: 'blue' }),
    ).tag;
    const segment = ok(
      await owns<z.infer<typeof SegmentResponse>>('POST', '/api/v1/segments', { name: '审计分群', filter: { vipMin: 2 } }),
    ).segment;
    const note = ok(
      await owns<z.infer<typeof NoteResponse>>('POST', `/api/v1/customers/${buyerId}/notes`, { text: '喜欢顺丰' }),
    ).note;
    const webhook = ok(
      await owns<z.infer<typeof WebhookResponse>>('POST', '/api/v1/webhooks', { url: receiverUrl, events: ['order.updated'] }),
    ).webhook;
    const secretsBefore = ok(await owns<IntegrationSettings>('GET', '/api/v1/integration'));
    const vipBefore = (await customerProfile(server.url, owner.token, buyerId)).buyer.vipLevel;

    // Each step: the call, then the audit entry it must leave (action, target).
    const steps: Array<[string, () => Promise<JsonResponse>, string, string]> = [
      [
        'agent.created',
        () =>
          owns('POST', '/api/v1/team/agents', {
            username: 'support-x',
            name: '客服小新',
            role: 'support',
            password: DEMO_PASSWORD,
          }),
        'agent',
        '',
      ],
      [
        'customer_note.updated',
        () => owns('PATCH', `/api/v1/customers/${buyerId}/notes/${note.id}`, { text: '只发顺丰' }),
        'buyer',
        buyerId,
      ],
      ['customer_note.deleted', () => owns('DELETE', `/api/v1/customers/${buyerId}/notes/${note.id}`), 'buyer', buyerId],
      ['customer_tag.updated', () => owns('PATCH', `/api/v1/customer-tags/${tag.id}`, { color: 'red' }), 'customer_tag', tag.id],
      ['customer_tag.deleted', () => owns('DELETE', `/api/v1/customer-tags/${tag.id}`), 'customer_tag', tag.id],
      [
        'segment.updated',
        () => owns('PUT', `/api/v1/segments/${segment.id}`, { name: '审计分群 2', filter: { vipMin: 3 } }),
        'segment',
        segment.id,
      ],
      ['segment.deleted', () => owns('DELETE', `/api/v1/segments/${segment.id}`), 'segment', segment.id],
      ['webhook.test_sent', () => owns('POST', `/api/v1/webhooks/${webhook.id}/test`), 'webhook', webhook.id],
      ['webhook.deleted', () => owns('DELETE', `/api/v1/webhooks/${webhook.id}`), 'webhook', webhook.id],
      ['integration_secrets.rotated', () => owns('POST', '/api/v1/integration/rotate'), 'shop', ''],
      [
        'customer.vip_changed',
        () => owns('PUT', `/api/v1/customers/${buyerId}/vip`, { vipLevel: (vipBefore + 1) % 6 }),
        'buyer',
        buyerId,
      ],
    ];
    for (const [action, call, targetType, targetId] of steps) {
      ok(await call());
      const found = (await entriesOf()).find((e) => e.action === action);
      assert.ok(found, `${action} is audited`);
      assert.equal(found.targetType, targetType, action);
      if (targetId) assert.equal(found.targetId, targetId, action);
      assert.equal(found.actor.kind, 'agent');
    }
    const actions = new Set((await entriesOf('?limit=500')).map((e) => e.action));
    for (const created of [
      'customer_tag.created',
      'segment.created',
      'customer_note.created',
      'webhook.created',
      'integration_secrets.viewed',
    ]) {
      assert.ok(actions.has(created), `${created} is audited`);
    }

    const rotated = (await entriesOf()).find((e) => e.action === 'integration_secrets.rotated')!;
    assert.notEqual(rotated.before!.inboundSecret, rotated.after!.inboundSecret, 'fingerprints tell the generations apart');
    const secretsAfter = ok(await owns<IntegrationSettings>('GET', '/api/v1/integration'));
    const everything = JSON.stringify(await entriesOf('?limit=500'));
    for (const secret of [
      secretsBefore.inboundSecret,
      secretsBefore.identitySecret,
      secretsAfter.inboundSecret,
      secretsAfter.identitySecret,
      webhook.secret,
    ]) {
      assert.ok(!everything.includes(secret), 'no secret is stored in the log');
    }
    assert.ok(!everything.includes('receiver-secret'), "a webhook URL's query (a receiver token) is left out");
    assert.ok(!everything.includes(DEMO_PASSWORD), 'no password either');
  });
});
