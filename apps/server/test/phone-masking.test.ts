// Phone numbers by role (issue 9, item 11): 售前 sees 138****1234 wherever a buyer's phone reaches it (profile,
// order cards, receivers, order actions, live order updates, reminder tasks), the roles that call buyers see it in
// full, and a masked number sent back by 改地址 keeps the real one.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  maskPhone,
  type CustomerCrmResponse,
  type CustomerProfile,
  type ErrorEnvelope,
  type OrderActionResponse,
  type OrderResponse,
  type ReminderTaskResponse,
  type ReminderTasksResponse,
  type ReminderTaskView,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, StreamClient, type FrameOf } from './helpers/clients.js';
import { allOrders, customerProfile, orderView } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const MASKED = /^\d{3}\*{4}\d{4}$/;
const FULL = /^\d{10,11}$/;

describe('phone numbers by role', () => {
  let server: TestServer;
  let tokens: Record<'owner' | 'presale' | 'aftersale' | 'support', string>;
  /** A demo buyer with a phone and an unpaid order. */
  let buyer: { id: string; phone: string; unpaidOrderId: string; receiverPhone: string };

  before(async () => {
    server = await startTestServer();
    tokens = {
      owner: (await loginAgent(server.url, 'owner')).token,
      presale: (await loginAgent(server.url, 'presale1')).token,
      aftersale: (await loginAgent(server.url, 'aftersale1')).token,
      support: (await loginAgent(server.url, 'support1')).token,
    };
    // The first unpaid order (by number) of a buyer with a phone, as the owner sees it in full.
    const unpaid = (await allOrders(server.url, tokens.owner))
      .filter(({ order }) => order.status === 'pending_payment')
      .sort((a, b) => (a.order.orderNo < b.order.orderNo ? -1 : 1));
    let row: { id: string; phone: string | null; order_id: string; receiver_phone: string } | undefined;
    for (const { buyer: customer, order } of unpaid) {
      const { phone } = (await customerProfile(server.url, tokens.owner, customer.id)).buyer;
      if (phone) {
        row = { id: customer.id, phone, order_id: order.id, receiver_phone: order.receiver.phone };
        break;
      }
    }
    assert.ok(row, 'a demo buyer with a phone and an unpaid order');
    buyer = { id: row.id, phone: row.phone!, unpaidOrderId: row.order_id, receiverPhone: row.receiver_phone };
  });
  after(() => server.close());

  const profile = async (token: string) =>
    (await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${buyer.id}`, { token })).body;

  it("masks the buyer's phone, order receivers and usual addresses for presale, in full for owner, aftersale and support", async () => {
    const presale = await profile(tokens.presale);
    assert.equal(presale.buyer.phone, maskPhone(buyer.phone));
    assert.ok(presale.orders.length > 0);
    for (const order of presale.orders) assert.match(order.receiver.phone, MASKED, 'order receiver masked');
    for (const address of presale.crm!.addresses) assert.match(address.phone, MASKED, 'usual address masked');
    assert.ok(!JSON.stringify(presale).includes(buyer.phone), 'the full number appears nowhere in the answer');
    const crm = await api<z.infer<typeof CustomerCrmResponse>>(server.url, 'GET', `/api/v1/customers/${buyer.id}/crm`, {
      token: tokens.presale,
    });
    for (const address of crm.body.crm.addresses) assert.match(address.phone, MASKED);
    const order = await api<z.infer<typeof OrderResponse>>(server.url, 'GET', `/api/v1/orders/${buyer.unpaidOrderId}`, {
      token: tokens.presale,
    });
    assert.equal(order.body.order.receiver.phone, maskPhone(buyer.receiverPhone));

    for (const role of ['owner', 'aftersale', 'support'] as const) {
      const full = await profile(tokens[role]);
      assert.equal(full.buyer.phone, buyer.phone, `${role} sees the buyer's phone`);
      for (const o of full.orders) assert.match(o.receiver.phone, FULL, `${role} sees receivers' phones`);
      for (const a of full.crm!.addresses) assert.match(a.phone, FULL);
    }
  });

  it('answers an order action and the live order update with the phone as each role may see it', async () => {
    const presaleStream = await StreamClient.connect(server.url, tokens.presale);
    const ownerStream = await StreamClient.connect(server.url, tokens.owner);
    const res = await api<Extract<OrderActionResponse, { result: 'applied' }>>(
      server.url,
      'POST',
      `/api/v1/orders/${buyer.unpaidOrderId}/memo`,
      {
        token: tokens.presale,
        body: { requestId: randomUUID(), memo: '顺丰发', flag: 'blue' },
      },
    );
    assert.equal(res.status, 200);
    assert.match(res.body.order.receiver.phone, MASKED);
    const isUpdate = (f: FrameOf<'order.updated'>) => f.order.id === buyer.unpaidOrderId;
    assert.match((await presaleStream.nextOfType('order.updated', isUpdate)).order.receiver.phone, MASKED);
    assert.equal((await ownerStream.nextOfType('order.updated', isUpdate)).order.receiver.phone, buyer.receiverPhone);
    await presaleStream.close();
    await ownerStream.close();
  });

  it('keeps the real number when 改地址 sends the masked one back, and refuses another masked value', async () => {
    const change = (phone: string) =>
      api<ErrorEnvelope>(server.url, 'POST', `/api/v1/orders/${buyer.unpaidOrderId}/change-receiver`, {
        token: tokens.presale,
        body: { requestId: randomUUID(), name: '王女士', phone, province: '江苏省', address: '南京市鼓楼区中山北路120号' },
      });
    const kept = await change(maskPhone(buyer.receiverPhone));
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    const stored = (await orderView(server.url, tokens.owner, buyer.unpaidOrderId)).receiver;
    assert.equal(stored.phone, buyer.receiverPhone, 'the mask never replaces the number');
    assert.equal(stored.address, '江苏省南京市鼓楼区中山北路120号');
    const wrong = await change('139****0000');
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'invalid_input');
  });

  it("shows a reminder task's phone masked to presale until presale takes the call", async () => {
    const open = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: tokens.presale,
      })
    ).body.tasks;
    const task = open.find((t: ReminderTaskView) => t.buyer.phone && !t.assignee);
    assert.ok(task, 'an open, unassigned phone task');
    assert.match(task.buyer.phone!, MASKED);
    const support = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: tokens.support,
      })
    ).body.tasks;
    assert.match(support.find((t: ReminderTaskView) => t.id === task.id)!.buyer.phone!, FULL);
    const taken = await api<z.infer<typeof ReminderTaskResponse>>(
      server.url,
      'POST',
      `/api/v1/reminder-tasks/${task.id}/assign`,
      { token: tokens.presale, body: {} },
    );
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    assert.match(taken.body.task.buyer.phone!, FULL, 'whoever takes the call sees the number to call');
  });
});
