import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  AgentResponse,
  ErrorEnvelope,
  ListAgentsResponse,
  ListAuditResponse,
  SignOutAgentResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, startBuyer, StreamClient } from './helpers/clients.js';
import {
  createTestDatabase,
  DEMO_PASSWORD,
  startTestServer,
  TEST_DB,
  TEST_REDIS_URL,
  type TestServer,
} from './helpers/test-server.js';

/** Resolves with the close code and reason of a stream socket; listen before causing the close. */
function closeOf(client: StreamClient, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
    client.socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

describe('agent sessions: sign-out, disabling, sign-out everywhere', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('sign-out ends that token and closes its open stream, and only that session', async () => {
    const first = await loginAgent(server.url, 'presale1');
    const second = await loginAgent(server.url, 'presale1');
    const stream = await StreamClient.connect(server.url, first.token);
    const other = await StreamClient.connect(server.url, second.token);
    const closed = closeOf(stream);
    const out = await api(server.url, 'POST', '/api/v1/auth/logout', { token: first.token });
    assert.equal(out.status, 204);
    assert.deepEqual(await closed, { code: 4401, reason: 'signed_out' });
    const after = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/me', { token: first.token });
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'invalid_token');
    const reopened = await fetch(`${server.url}/api/v1/stream?token=${encodeURIComponent(first.token)}`);
    assert.equal(reopened.status, 401, 'the stream refuses the signed-out token too');
    assert.equal((await api(server.url, 'GET', '/api/v1/me', { token: second.token })).status, 200, 'the other session lives on');
    assert.equal(other.socket.readyState, other.socket.OPEN);
    await other.close();
  });

  it('the owner disables presale1: its calls get 401, its socket closes, and sign-in says the account is disabled', async () => {
    const owner = await loginAgent(server.url, 'owner');
    const presale = await loginAgent(server.url, 'presale1');
    const stream = await StreamClient.connect(server.url, presale.token);
    const closed = closeOf(stream);
    const disable = await api<z.infer<typeof AgentResponse>>(server.url, 'PATCH', `/api/v1/team/agents/${presale.agent.id}`, {
      token: owner.token,
      body: { disabled: true },
    });
    assert.equal(disable.status, 200, JSON.stringify(disable.body));
    assert.equal(disable.body.agent.disabled, true);
    assert.equal((await closed).code, 4401);
    assert.equal((await api(server.url, 'GET', '/api/v1/conversations', { token: presale.token })).status, 401);
    const refused = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 'presale1', password: DEMO_PASSWORD },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'agent_disabled');
    assert.match(refused.body.error.message, /disabled/);
    const wrong = await api(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 'presale1', password: 'not-it-at-all' },
    });
    assert.equal(wrong.status, 401, 'a wrong password does not learn that the account is disabled');

    const team = await api<z.infer<typeof ListAgentsResponse>>(server.url, 'GET', '/api/v1/team/agents', { token: owner.token });
    assert.equal(team.body.agents.find((a: { id: string }) => a.id === presale.agent.id)?.disabled, true);
    const enable = await api<z.infer<typeof AgentResponse>>(server.url, 'PATCH', `/api/v1/team/agents/${presale.agent.id}`, {
      token: owner.token,
      body: { disabled: false },
    });
    assert.equal(enable.body.agent.disabled, false);
    assert.equal((await loginAgent(server.url, 'presale1')).agent.id, presale.agent.id, 'enabled again, presale1 signs in');
    const audit = await api<z.infer<typeof ListAuditResponse>>(
      server.url,
      'GET',
      `/api/v1/audit?targetType=agent&targetId=${presale.agent.id}`,
      {
        token: owner.token,
      },
    );
    assert.deepEqual(
      audit.body.entries.map((e: { action: string }) => e.action),
      ['agent.enabled', 'agent.disabled'],
    );
  });

  it('nobody disables themselves; a manager may not disable the owner; front-line agents disable nobody', async () => {
    const owner = await loginAgent(server.url, 'owner');
    const self = await api<ErrorEnvelope>(server.url, 'PATCH', `/api/v1/team/agents/${owner.agent.id}`, {
      token: owner.token,
      body: { disabled: true },
    });
    assert.equal(self.status, 409);
    assert.equal(self.body.error.code, 'cannot_disable_self');
    await api(server.url, 'POST', '/api/v1/team/agents', {
      token: owner.token,
      body: { username: 'manager9', name: '主管', role: 'manager', password: 'manager-password' },
    });
    const manager = await loginAgent(server.url, 'manager9', 'manager-password');
    const onOwner = await api(server.url, 'PATCH', `/api/v1/team/agents/${owner.agent.id}`, {
      token: manager.token,
      body: { disabled: true },
    });
    assert.equal(onOwner.status, 403);
    const support = await loginAgent(server.url, 'support1');
    assert.equal(
      (
        await api(server.url, 'PATCH', `/api/v1/team/agents/${manager.agent.id}`, {
          token: support.token,
          body: { disabled: true },
        })
      ).status,
      403,
    );
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/team/agents/${owner.agent.id}/sign-out`, { token: manager.token })).status,
      403,
    );
    const aftersale = (
      await api<z.infer<typeof ListAgentsResponse>>(server.url, 'GET', '/api/v1/team/agents', { token: manager.token })
    ).body.agents.find((a) => a.username === 'aftersale1')!;
    const byManager = await api<z.infer<typeof AgentResponse>>(server.url, 'PATCH', `/api/v1/team/agents/${aftersale.id}`, {
      token: manager.token,
      body: { disabled: true },
    });
    assert.equal(byManager.body.agent.disabled, true, 'a manager may disable a front-line colleague');
    await api(server.url, 'PATCH', `/api/v1/team/agents/${aftersale.id}`, { token: manager.token, body: { disabled: false } });
    assert.equal(
      (await api(server.url, 'PATCH', `/api/v1/team/agents/${aftersale.id}`, { token: owner.token, body: {} })).status,
      400,
    );
  });

  it('sign-out everywhere (强制下线) ends both sessions of an agent and closes both sockets', async () => {
    const owner = await loginAgent(server.url, 'owner');
    const one = await loginAgent(server.url, 'support1');
    const two = await loginAgent(server.url, 'support1');
    const streams = await Promise.all([StreamClient.connect(server.url, one.token), StreamClient.connect(server.url, two.token)]);
    const bystander = await StreamClient.connect(server.url, owner.token);
    const closed = Promise.all(streams.map((s) => closeOf(s)));
    const out = await api<SignOutAgentResponse>(server.url, 'POST', `/api/v1/team/agents/${one.agent.id}/sign-out`, {
      token: owner.token,
    });
    assert.equal(out.status, 200);
    assert.ok(out.body.sessionsEnded >= 2);
    assert.deepEqual(
      (await closed).map((c) => c.code),
      [4401, 4401],
    );
    for (const token of [one.token, two.token]) assert.equal((await api(server.url, 'GET', '/api/v1/me', { token })).status, 401);
    assert.equal(bystander.socket.readyState, bystander.socket.OPEN, "the owner's own socket stays open");
    assert.equal((await loginAgent(server.url, 'support1')).agent.id, one.agent.id, 'signing in again works');
    await bystander.close();
  });
});

describe('stream sockets close when their token expires (app clock)', () => {
  let server: TestServer;
  let clock = Date.parse('2026-11-11T10:00:00Z');
  before(async () => {
    server = await startTestServer({
      env: { AGENT_TOKEN_TTL_HOURS: '1', BUYER_TOKEN_TTL_DAYS: '1' },
      now: () => new Date(clock),
    });
  });
  after(() => server.close());

  it('closes an agent socket once the clock passes its token expiry, and a buyer socket at its own', async () => {
    const agent = await loginAgent(server.url, 'presale1');
    const buyer = await startBuyer(server.url);
    const agentStream = await StreamClient.connect(server.url, agent.token);
    const buyerStream = await StreamClient.connect(server.url, buyer.token);
    clock += 59 * 60_000;
    server.app.realtime.closeExpired();
    assert.equal(agentStream.socket.readyState, agentStream.socket.OPEN, 'not yet');
    const agentClosed = closeOf(agentStream);
    clock += 2 * 60_000;
    server.app.realtime.closeExpired();
    assert.deepEqual(await agentClosed, { code: 4401, reason: 'token expired' });
    assert.equal(buyerStream.socket.readyState, buyerStream.socket.OPEN, 'the buyer token lives a day');
    const buyerClosed = closeOf(buyerStream);
    clock += 24 * 3600_000;
    server.app.realtime.closeExpired();
    assert.equal((await buyerClosed).code, 4401);
  });
});

const multiProcess =
  TEST_DB !== 'postgres' || !TEST_REDIS_URL
    ? 'needs PostgreSQL + Redis: run with GOLDDESK_TEST_DB=postgres and GOLDDESK_TEST_REDIS_URL set'
    : false;

describe('revocation across processes (PostgreSQL + Redis)', { skip: multiProcess }, () => {
  const servers: TestServer[] = [];
  let drop: () => Promise<void> = async () => undefined;
  after(async () => {
    for (const s of servers) await s.stop();
    await drop();
  });

  it('disabling an agent on process A closes its socket on process B at once', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    servers.push(await startTestServer({ database }), await startTestServer({ database }));
    const [a, b] = servers as [TestServer, TestServer];
    const owner = await loginAgent(a.url, 'owner');
    const aftersale = await loginAgent(b.url, 'aftersale1');
    const stream = await StreamClient.connect(b.url, aftersale.token);
    const closed = closeOf(stream);
    const disable = await api(a.url, 'PATCH', `/api/v1/team/agents/${aftersale.agent.id}`, {
      token: owner.token,
      body: { disabled: true },
    });
    assert.equal(disable.status, 200);
    assert.deepEqual(await closed, { code: 4401, reason: 'disabled' });
    assert.equal((await api(b.url, 'GET', '/api/v1/me', { token: aftersale.token })).status, 401);
  });
});
