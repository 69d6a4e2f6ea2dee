// One task inbox (issue 11 item 5): the 催付 phone follow-ups of payment reminders sit in the same inbox as the
// after-sales colleague tasks, and are finished there with the call's outcome.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ErrorEnvelope, ListTasksResponse, TaskResponse } from '@golddesk/contracts';
import { api, loginAgent } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('one task inbox', () => {
  let server: TestServer;
  let support: { token: string; agent: { name: string } };
  let aftersale: { token: string };

  before(async () => {
    server = await startTestServer();
    support = await loginAgent(server.url, 'support1');
    aftersale = await loginAgent(server.url, 'aftersale1');
  });
  after(() => server.close());

  const inbox = async (token: string, query = '') =>
    (await api<ListTasksResponse>(server.url, 'GET', `/api/v1/tasks${query}`, { token })).body.tasks;

  it("support's inbox holds the 催付 calls beside the colleague tasks, and finishes them with the call's outcome", async () => {
    const calls = (await inbox(support.token)).filter((t) => t.kind === 'payment_call');
    assert.ok(calls.length > 0, 'the demo shop has open 催付 calls');
    const call = calls[0]!;
    assert.equal(call.status, 'open');
    assert.match(call.title, /^催付电话：订单 /);
    assert.ok(call.orderId && call.buyerId);
    assert.ok(!(await inbox(aftersale.token)).some((t) => t.kind === 'payment_call'), 'after-sales does not call about payment');

    const missing = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/tasks/${call.id}/complete`, {
      token: support.token,
      body: { requestId: randomUUID() },
    });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /通话结果/);
    const done = await api<TaskResponse>(server.url, 'POST', `/api/v1/tasks/${call.id}/complete`, {
      token: support.token,
      body: { requestId: randomUUID(), callOutcome: 'will_pay', note: '晚上发工资后付' },
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.task.status, 'done');
    assert.equal(done.body.task.doneBy, support.agent.name);
    // The 催付 page shows the same outcome: one task, two views of it.
    const reminders = await api<{ tasks: { id: string; outcome: string | null; note: string | null }[] }>(
      server.url,
      'GET',
      '/api/v1/reminder-tasks?status=done',
      { token: support.token },
    );
    const same = reminders.body.tasks.find((t) => t.id === call.id);
    assert.deepEqual([same?.outcome, same?.note], ['will_pay', '晚上发工资后付']);
    assert.ok(!(await inbox(support.token, '?status=open')).some((t) => t.id === call.id));
    assert.ok((await inbox(support.token, '?status=done')).some((t) => t.id === call.id));
  });
});
