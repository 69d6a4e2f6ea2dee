import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  AuditEntry,
  ConversationSummary,
  CustomerCrmResponse,
  CustomerProfile,
  CustomerRow,
  ErrorEnvelope,
  ImportResponse,
  ListAuditResponse,
  ListConversationsResponse,
  ListCustomersResponse,
  ListDeliveriesResponse,
  ListMessagesResponse,
  ListSegmentsResponse,
  ListTagsResponse,
  Message,
  NoteResponse,
  NoteView,
  SegmentResponse,
  SegmentView,
  SendMessageResponse,
  TagResponse,
  TagView,
  WebhookResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, buyerSays, loginAgent, startBuyer, StreamClient, until } from './helpers/clients.js';
import { addOtherShop } from './helpers/other-shop.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const DAY_MS = 86_400_000;

describe('customer 360 (CRM)', () => {
  let server: TestServer;
  /** The app clock runs this far ahead of the wall clock (segments' "silent for N days"). */
  let clockOffsetMs = 0;
  let presale: { token: string; agent: { id: string; name: string } };
  let aftersale: { token: string };
  let owner: { token: string; agent: { name: string } };
  let otherOwner: { token: string };
  let demoBuyerId: string;

  const appNow = () => new Date(Date.now() + clockOffsetMs);
  const crm = (token: string, buyerId: string) =>
    api<z.infer<typeof CustomerCrmResponse>>(server.url, 'GET', `/api/v1/customers/${buyerId}/crm`, { token });

  before(async () => {
    // A webhook on loopback (never answered) needs the self-hoster's switch.
    server = await startTestServer({ now: appNow, env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' } });
    presale = await loginAgent(server.url, 'presale1');
    aftersale = await loginAgent(server.url, 'aftersale1');
    owner = await loginAgent(server.url, 'owner');
    otherOwner = (await addOtherShop(server)).owner; // to prove nothing crosses shops
    demoBuyerId = (await startBuyer(server.url)).buyer.id;
  });
  after(() => server.close());

  it('lets any agent set the customer type; the profile shows it with who set it, and it is audited', async () => {
    const res = await api<z.infer<typeof CustomerCrmResponse>>(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/type`, {
      token: presale.token,
      body: { customerType: 'bargainer' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.crm.customerType?.key, 'bargainer');
    assert.equal(res.body.crm.customerType?.setBy, presale.agent.name);
    const profile = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${demoBuyerId}`, { token: aftersale.token });
    assert.equal(profile.body.crm?.customerType?.key, 'bargainer');
    const bad = await api(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/type`, {
      token: presale.token,
      body: { customerType: 'stingy' },
    });
    assert.equal(bad.status, 400);
    const audit = await api<z.infer<typeof ListAuditResponse>>(
      server.url,
      'GET',
      `/api/v1/audit?targetType=buyer&targetId=${demoBuyerId}`,
      { token: owner.token },
    );
    const entry = audit.body.entries.find((e: AuditEntry) => e.action === 'customer.type_changed')!;
    assert.deepEqual([entry.before, entry.after], [{ customerType: null }, { customerType: 'bargainer' }]);
  });

  it('keeps VIP levels and the shop tag list to the owner and managers; any agent tags a buyer', async () => {
    assert.equal(
      (await api(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/vip`, { token: presale.token, body: { vipLevel: 3 } }))
        .status,
      403,
    );
    assert.equal(
      (await api(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/vip`, { token: owner.token, body: { vipLevel: 6 } }))
        .status,
      400,
    );
    assert.equal(
      (await api(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/vip`, { token: owner.token, body: { vipLevel: 3 } }))
        .status,
      200,
    );
    const profile = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${demoBuyerId}`, { token: presale.token });
    assert.equal(profile.body.buyer.vipLevel, 3);

    assert.equal(
      (
        await api(server.url, 'POST', '/api/v1/customer-tags', {
          token: presale.token,
          body: { name: '测试标签', color: 'green' },
        })
      ).status,
      403,
    );
    const created = await api<z.infer<typeof TagResponse>>(server.url, 'POST', '/api/v1/customer-tags', {
      token: owner.token,
      body: { name: '测试标签', color: 'green' },
    });
    assert.equal(created.status, 200);
    const again = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/customer-tags', {
      token: owner.token,
      body: { name: '测试标签' },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.message, '标签「测试标签」已存在');

    const tagged = await api<z.infer<typeof CustomerCrmResponse>>(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/tags`, {
      token: presale.token,
      body: { tagIds: [created.body.tag.id] },
    });
    assert.equal(tagged.status, 200);
    assert.deepEqual(
      tagged.body.crm.tags.map((t: TagView) => [t.name, t.color]),
      [['测试标签', 'green']],
    );
    const tags = await api<z.infer<typeof ListTagsResponse>>(server.url, 'GET', '/api/v1/customer-tags', {
      token: presale.token,
    });
    assert.equal(tags.body.tags.find((t: TagView) => t.id === created.body.tag.id)?.buyerCount, 1);
  });

  it('keeps notes per buyer; only the author or a manager edits or deletes one', async () => {
    const other = (await startBuyer(server.url)).buyer.id;
    const add = await api<z.infer<typeof NoteResponse>>(server.url, 'POST', `/api/v1/customers/${demoBuyerId}/notes`, {
      token: presale.token,
      body: { text: '要顺丰，已补运费' },
    });
    assert.equal(add.status, 200);
    await api(server.url, 'POST', `/api/v1/customers/${other}/notes`, {
      token: presale.token,
      body: { text: '另一位买家的备注' },
    });
    const notes = (await crm(aftersale.token, demoBuyerId)).body.crm.notes;
    assert.deepEqual(
      notes.map((n: NoteView) => n.text),
      ['要顺丰，已补运费'],
      'each buyer has their own notes',
    );

    const path = `/api/v1/customers/${demoBuyerId}/notes/${add.body.note.id}`;
    const denied = await api<ErrorEnvelope>(server.url, 'PATCH', path, { token: aftersale.token, body: { text: '改掉' } });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'note_not_yours');
    const edited = await api<z.infer<typeof NoteResponse>>(server.url, 'PATCH', path, {
      token: presale.token,
      body: { text: '要顺丰，已补运费 10 元' },
    });
    assert.equal(edited.body.note.text, '要顺丰，已补运费 10 元');
    assert.ok(edited.body.note.editedAt);
    assert.equal(
      (
        await api(server.url, 'POST', `/api/v1/customers/${demoBuyerId}/notes`, {
          token: presale.token,
          body: { text: '长'.repeat(501) },
        })
      ).status,
      400,
    );
    assert.equal((await api(server.url, 'DELETE', path, { token: owner.token })).status, 200);
    assert.deepEqual((await crm(presale.token, demoBuyerId)).body.crm.notes, []);
  });

  it("never shows or changes another shop's customers", async () => {
    assert.equal((await crm(otherOwner.token, demoBuyerId)).status, 404);
    assert.equal(
      (
        await api(server.url, 'PUT', `/api/v1/customers/${demoBuyerId}/type`, {
          token: otherOwner.token,
          body: { customerType: 'loyal' },
        })
      ).status,
      404,
    );
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/customers/${demoBuyerId}/notes`, { token: otherOwner.token, body: { text: 'x' } }))
        .status,
      404,
    );
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/customers/${demoBuyerId}/block`, { token: otherOwner.token, body: {} })).status,
      404,
    );
    const list = await api<ListCustomersResponse>(server.url, 'GET', '/api/v1/customers', { token: otherOwner.token });
    assert.equal(list.body.total, 0);
    assert.deepEqual(
      (await api<z.infer<typeof ListSegmentsResponse>>(server.url, 'GET', '/api/v1/segments', { token: otherOwner.token })).body
        .segments,
      [],
    );
    const demoTag = (
      await api<z.infer<typeof ListTagsResponse>>(server.url, 'GET', '/api/v1/customer-tags', { token: owner.token })
    ).body.tags[0]!;
    assert.equal(
      (await api(server.url, 'DELETE', `/api/v1/customer-tags/${demoTag.id}`, { token: otherOwner.token })).status,
      404,
    );
    assert.equal((await crm(presale.token, demoBuyerId)).body.crm.customerType?.key, 'bargainer', 'unchanged');
  });

  it("holds a blacklisted buyer's messages: stored, but no new chat reaches the agents until unblocked", async () => {
    const blocked = await startBuyer(server.url);
    const control = await startBuyer(server.url);
    assert.equal((await buyerSays(server.url, blocked.token, '第一次来问问')).status, 201);
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/customers/${blocked.buyer.id}/block`, { token: presale.token, body: {} })).status,
      403,
    );
    const block = await api<z.infer<typeof CustomerCrmResponse>>(
      server.url,
      'POST',
      `/api/v1/customers/${blocked.buyer.id}/block`,
      {
        token: owner.token,
        body: { reason: '骚扰' },
      },
    );
    assert.equal(block.status, 200);
    assert.equal(block.body.crm.blocked?.reason, '骚扰');

    const waitingIds = async () =>
      (
        await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations?filter=waiting', { token: presale.token })
      ).body.conversations.map((c: ConversationSummary) => c.id);
    assert.ok(!(await waitingIds()).includes(blocked.conversation.id), 'gone from 待接待 once blocked');

    // The shop's own message.created webhook is held back too (no alert about the blocked buyer).
    const hook = await api<z.infer<typeof WebhookResponse>>(server.url, 'POST', '/api/v1/webhooks', {
      token: owner.token,
      body: { url: 'http://127.0.0.1:9/hook', events: ['message.created'] },
    });
    assert.equal(hook.status, 201);
    const agentStream = await StreamClient.connect(server.url, presale.token);
    const buyerStream = await StreamClient.connect(server.url, blocked.token);
    buyerStream.send({ type: 'typing', conversationId: blocked.conversation.id, typing: true });
    const held = await buyerSays(server.url, blocked.token, '不理我？我要投诉');
    assert.equal(held.status, 201, 'the buyer is not told they are blocked');
    await buyerStream.nextOfType('message.created', (f) => f.message.id === (held.body as SendMessageResponse).message.id);
    // The control buyer's message arrives after the held one: anything about the held one would have come first.
    const controlSaid = await buyerSays(server.url, control.token, '在吗？');
    await agentStream.nextOfType('message.created', (f) => f.message.id === (controlSaid.body as SendMessageResponse).message.id);
    await agentStream.nextOfType('conversation.updated', (f) => f.conversation.id === control.conversation.id);
    const leaked = agentStream.frames.filter(
      (f) =>
        (f.type === 'message.created' && f.message.conversationId === blocked.conversation.id) ||
        (f.type === 'conversation.updated' && f.conversation.id === blocked.conversation.id) ||
        (f.type === 'conversation.typing_changed' && f.conversationId === blocked.conversation.id),
    );
    assert.deepEqual(leaked, [], 'no message, typing or new-chat frame for the blocked buyer');
    const deliveries = async () =>
      (
        await api<z.infer<typeof ListDeliveriesResponse>>(
          server.url,
          'GET',
          `/api/v1/webhooks/${hook.body.webhook.id}/deliveries`,
          { token: owner.token },
        )
      ).body.deliveries;
    // What the webhook may hear of: the control buyer's conversation (their message and the shop's welcome reply).
    const controlMessages = async () =>
      (
        await api<ListMessagesResponse>(
          server.url,
          'GET',
          `/api/v1/conversations/${control.conversation.id}/messages?afterSeq=0`,
          {
            token: owner.token,
          },
        )
      ).body.messages.length;
    await until(async () => (await deliveries()).length >= (await controlMessages()));
    assert.equal(
      (await deliveries()).length,
      await controlMessages(),
      "only the control buyer's conversation goes to the webhook",
    );
    await api(server.url, 'DELETE', `/api/v1/webhooks/${hook.body.webhook.id}`, { token: owner.token });
    // An agent who had the conversation open before the block does not get the held messages on a resume either.
    const resumed = await StreamClient.connect(server.url, presale.token);
    resumed.send({ type: 'resume', cursors: { [blocked.conversation.id]: 0, [control.conversation.id]: 0 } });
    await resumed.next((f) => f.type === 'synced');
    assert.ok(resumed.messages(control.conversation.id).length > 0, 'other conversations catch up as usual');
    assert.deepEqual(resumed.messages(blocked.conversation.id), [], 'nothing of the blocked buyer');
    resumed.close();
    assert.ok(!(await waitingIds()).includes(blocked.conversation.id));
    const all = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations?filter=all', {
      token: presale.token,
    });
    assert.ok(!all.body.conversations.some((c: ConversationSummary) => c.id === blocked.conversation.id));

    // Nothing lost: the message is stored, and the 黑名单 view counts it.
    const stored = await api<ListMessagesResponse>(
      server.url,
      'GET',
      `/api/v1/conversations/${blocked.conversation.id}/messages?afterSeq=0`,
      {
        token: owner.token,
      },
    );
    assert.deepEqual(
      stored.body.messages.map((m: Message) => m.body),
      ['第一次来问问', '不理我？我要投诉'],
    );
    const blacklist = await api<ListCustomersResponse>(server.url, 'GET', '/api/v1/customers?blocked=true&pageSize=100', {
      token: owner.token,
    });
    const row = blacklist.body.customers.find((c: CustomerRow) => c.id === blocked.buyer.id)!;
    assert.equal(row.heldMessages, 1);
    assert.equal(row.conversationId, blocked.conversation.id);

    const unblock = await api<z.infer<typeof CustomerCrmResponse>>(
      server.url,
      'POST',
      `/api/v1/customers/${blocked.buyer.id}/unblock`,
      { token: owner.token },
    );
    assert.equal(unblock.body.crm.blocked, null);
    const back = await agentStream.nextOfType('conversation.updated', (f) => f.conversation.id === blocked.conversation.id);
    assert.equal(back.conversation.lastMessage?.body, '不理我？我要投诉');
    assert.ok((await waitingIds()).includes(blocked.conversation.id), 'back in 待接待 with the held messages');
    const audit = await api<z.infer<typeof ListAuditResponse>>(
      server.url,
      'GET',
      `/api/v1/audit?targetType=buyer&targetId=${blocked.buyer.id}`,
      {
        token: owner.token,
      },
    );
    assert.deepEqual(audit.body.entries.map((e: AuditEntry) => e.action).sort(), ['customer.blocked', 'customer.unblocked']);
    await agentStream.close();
    await buyerStream.close();
  });

  it('finds repeat buyers silent for 60 days, counting paid orders and the last order on the app clock', async () => {
    const prefix = `seg${randomUUID().slice(0, 6)}`;
    // The buyers and their orders come in the way a shop brings its history: an order import (订单导入).
    const chinaTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    let tracking = 100_000_000;
    const make = async (name: string, orders: { daysAgo: number; status: string; fen: number }[]) => {
      const nick = `${prefix}-${name}`;
      const words: Record<string, string> = { completed: '交易成功', signed: '已签收', pending_payment: '待付款' };
      const lines = orders.map((o) => {
        const placed = chinaTime(appNow().getTime() - o.daysAgo * DAY_MS);
        const paid = o.status !== 'pending_payment';
        const yuan = (o.fen / 100).toFixed(2);
        return [
          `T${randomUUID().slice(0, 12)}`,
          nick,
          words[o.status],
          '测试商品',
          yuan,
          1,
          yuan,
          '浙江省',
          paid ? '顺丰速运' : '',
          paid ? `SF${tracking++}` : '',
          placed,
          paid ? placed : '',
          paid ? placed : '',
          o.status === 'signed' ? placed : '',
          o.status === 'completed' ? placed : '',
        ].join(',');
      });
      const header =
        '订单号,买家昵称,订单状态,商品名称,单价,数量,实付金额,省份,物流公司,运单号,下单时间,付款时间,发货时间,签收时间,成交时间';
      const started = await api<ImportResponse>(server.url, 'POST', '/api/v1/imports?kind=orders', {
        token: owner.token,
        raw: [header, ...lines].join('\n'),
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(started.status, 202, JSON.stringify(started.body));
      let result = started.body.import;
      for (let i = 0; i < 200 && result.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        result = (await api<ImportResponse>(server.url, 'GET', `/api/v1/imports/${result.id}`, { token: owner.token })).body
          .import;
      }
      assert.deepEqual([result.status, result.imported, result.errors], ['done', orders.length, []]);
      const [customer] = (
        await api<ListCustomersResponse>(server.url, 'GET', `/api/v1/customers?q=${nick}`, { token: owner.token })
      ).body.customers;
      assert.equal(customer!.nick, nick);
      return customer!.id;
    };
    const sleeping = await make('sleeping', [
      { daysAgo: 61, status: 'completed', fen: 20_000 },
      { daysAgo: 120, status: 'completed', fen: 40_000 },
    ]);
    const almost = await make('almost', [
      { daysAgo: 59, status: 'completed', fen: 10_000 },
      { daysAgo: 90, status: 'signed', fen: 10_000 },
    ]);
    await make('once', [{ daysAgo: 100, status: 'completed', fen: 90_000 }]);
    await make('unpaid', [
      { daysAgo: 80, status: 'completed', fen: 10_000 },
      { daysAgo: 90, status: 'pending_payment', fen: 10_000 },
    ]);
    await make('recent', [
      { daysAgo: 70, status: 'completed', fen: 10_000 },
      { daysAgo: 75, status: 'completed', fen: 10_000 },
      { daysAgo: 3, status: 'pending_payment', fen: 5_000 },
    ]);

    const seg = await api<z.infer<typeof SegmentResponse>>(server.url, 'POST', '/api/v1/segments', {
      token: owner.token,
      body: { name: '沉睡老客测试', filter: { orderCountMin: 2, silentDays: 60, q: prefix } },
    });
    assert.equal(seg.status, 200);
    assert.equal(
      (await api(server.url, 'POST', '/api/v1/segments', { token: presale.token, body: { name: 'x', filter: {} } })).status,
      403,
    );
    const members = async () =>
      (
        await api<ListCustomersResponse>(server.url, 'GET', `/api/v1/customers?segmentId=${seg.body.segment.id}`, {
          token: presale.token,
        })
      ).body.customers.map((c: CustomerRow) => c.nick);
    assert.deepEqual(
      await members(),
      [`${prefix}-sleeping`],
      'two paid orders, the last 61 days ago; a recent unpaid order counts as activity',
    );

    clockOffsetMs = 2 * DAY_MS; // two days later the 59-day buyer has gone quiet too
    assert.deepEqual((await members()).sort(), [`${prefix}-almost`, `${prefix}-sleeping`]);
    clockOffsetMs = 0;

    const rich = await api<ListCustomersResponse>(
      server.url,
      'GET',
      `/api/v1/customers?q=${prefix}&spentMinFen=50000&sort=spent`,
      {
        token: presale.token,
      },
    );
    assert.deepEqual(
      rich.body.customers.map((c: CustomerRow) => [c.nick, c.spentFen, c.orderCount]),
      [
        [`${prefix}-once`, 90_000, 1],
        [`${prefix}-sleeping`, 60_000, 2],
      ],
    );
    const page = await api<ListCustomersResponse>(
      server.url,
      'GET',
      `/api/v1/customers?q=${prefix}&sort=spent&order=asc&pageSize=2&page=2`,
      {
        token: presale.token,
      },
    );
    assert.equal(page.body.total, 5);
    assert.equal(page.body.customers.length, 2);
    const lastOrder = await api<ListCustomersResponse>(
      server.url,
      'GET',
      `/api/v1/customers?q=${prefix}&orderCountMax=1&province=${encodeURIComponent('浙江省')}`,
      { token: presale.token },
    );
    assert.deepEqual(lastOrder.body.customers.map((c: CustomerRow) => c.nick).sort(), [`${prefix}-once`, `${prefix}-unpaid`]);
    await api(server.url, 'PUT', `/api/v1/customers/${almost}/type`, { token: presale.token, body: { customerType: 'loyal' } });
    const typed = await api<ListCustomersResponse>(server.url, 'GET', `/api/v1/customers?q=${prefix}&customerType=loyal`, {
      token: presale.token,
    });
    assert.deepEqual(
      typed.body.customers.map((c: CustomerRow) => c.id),
      [almost],
    );
    void sleeping;
  });

  it('seeds the demo shop with two segments that each find buyers, and a blacklisted buyer with held messages', async () => {
    const segments = (
      await api<z.infer<typeof ListSegmentsResponse>>(server.url, 'GET', '/api/v1/segments', { token: presale.token })
    ).body.segments;
    for (const name of ['沉睡老客', '高价值']) {
      const segment = segments.find((s: SegmentView) => s.name === name);
      assert.ok(segment, name);
      const list = await api<ListCustomersResponse>(server.url, 'GET', `/api/v1/customers?segmentId=${segment.id}`, {
        token: presale.token,
      });
      assert.ok(list.body.total >= 2, `${name} matches demo buyers`);
    }
    const blacklist = await api<ListCustomersResponse>(server.url, 'GET', '/api/v1/customers?blocked=true', {
      token: presale.token,
    });
    const demoBlocked = blacklist.body.customers.find((c: CustomerRow) => c.nick === '专业打假人')!;
    assert.equal(demoBlocked.heldMessages, 3);
    const addresses = (await crm(presale.token, demoBlocked.id)).body.crm.addresses;
    assert.deepEqual(addresses, []);
  });
});
