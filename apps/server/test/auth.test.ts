import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../src/platform/security/passwords.js';
import { api, loginAgent, startBuyer, buyerSays } from './helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helpers/test-server.js';

describe('sign-in, tokens and tenancy', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { LOGIN_MAX_FAILURES: '10' } });
  });
  after(() => server.close());

  it('signs in a demo agent with the role the contract names, and refuses a wrong password with 401', async () => {
    const ok = await api(server.url, 'POST', '/api/v1/auth/login', { body: { shop: 'demo', username: 'owner', password: DEMO_PASSWORD } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.agent.role, 'owner');
    assert.ok(ok.body.token.length > 20);
    const me = await api(server.url, 'GET', '/api/v1/me', { token: ok.body.token });
    assert.equal(me.body.shop.slug, 'demo');
    const wrong = await api(server.url, 'POST', '/api/v1/auth/login', { body: { shop: 'demo', username: 'owner', password: 'nope-nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'wrong_credentials');
  });

  it('stores passwords hashed, never in clear', async () => {
    const rows = await server.app.context.storage.db.selectFrom('agents').select('password_hash').execute();
    for (const row of rows) {
      assert.ok(!row.password_hash.includes(DEMO_PASSWORD));
      assert.match(row.password_hash, /^scrypt\$/);
    }
  });

  it('answers 429 after repeated failures for one account while other accounts still sign in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await api(server.url, 'POST', '/api/v1/auth/login', {
        body: { shop: 'demo', username: 'support1', password: `wrong-${i}` },
      })).status);
    }
    assert.equal(statuses[0], 401);
    assert.equal(statuses.at(-1), 429);
    const locked = await api(server.url, 'POST', '/api/v1/auth/login', { body: { shop: 'demo', username: 'support1', password: DEMO_PASSWORD } });
    assert.equal(locked.status, 429, 'even the right password waits out the lock');
    assert.equal(locked.body.error.code, 'too_many_login_attempts');
    const colleague = await api(server.url, 'POST', '/api/v1/auth/login', { body: { shop: 'demo', username: 'aftersale1', password: DEMO_PASSWORD } });
    assert.equal(colleague.status, 200);
  });

  it('lets an agent of another shop see nothing of the demo shop', async () => {
    const db = server.app.context.storage.db;
    const shopId = randomUUID();
    await db.insertInto('shops').values({ id: shopId, slug: 'other', name: '别家小店', created_at: new Date().toISOString() }).execute();
    await db.insertInto('agents').values({
      id: randomUUID(), shop_id: shopId, username: 'boss', name: '别家店长', role: 'owner',
      password_hash: await hashPassword('other-password'), created_at: new Date().toISOString(),
    }).execute();
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '只给小美家看的消息');
    const other = await loginAgent(server.url, 'boss', 'other-password', 'other');
    const list = await api(server.url, 'GET', '/api/v1/conversations', { token: other.token });
    assert.deepEqual(list.body.conversations, []);
    const read = await api(server.url, 'GET', `/api/v1/conversations/${buyer.conversation.id}/messages`, { token: other.token });
    assert.equal(read.status, 404);
    const write = await api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/messages`, {
      token: other.token, body: { body: 'hi', clientMsgId: 'x' },
    });
    assert.equal(write.status, 404);
    const search = await api(server.url, 'GET', `/api/v1/search/messages?q=${encodeURIComponent('消息')}`, { token: other.token });
    assert.deepEqual(search.body.hits, []);
    const profile = await api(server.url, 'GET', `/api/v1/customers/${buyer.buyer.id}`, { token: other.token });
    assert.equal(profile.status, 404);
  });

  it('limits how many widget sessions one address opens per minute', async () => {
    const limited = await startTestServer({ env: { WIDGET_SESSIONS_PER_MINUTE: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await api(limited.url, 'POST', '/api/v1/widget/sessions', { body: { shop: 'demo' } })).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('lets tokens expire', async () => {
    const shortLived = await startTestServer({ env: { AGENT_TOKEN_TTL_HOURS: '0.0003' } });
    try {
      const { token } = await loginAgent(shortLived.url);
      assert.equal((await api(shortLived.url, 'GET', '/api/v1/me', { token })).status, 200);
      await new Promise((r) => setTimeout(r, 2200));
      const expired = await api(shortLived.url, 'GET', '/api/v1/me', { token });
      assert.equal(expired.status, 401);
      assert.equal(expired.body.error.code, 'invalid_token');
    } finally {
      await shortLived.close();
    }
  });
});

describe('team and roles', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('lets the owner add any role, a manager only front-line roles, and front-line agents none', async () => {
    const owner = await loginAgent(server.url, 'owner');
    const add = (token: string, username: string, role: string) => api(server.url, 'POST', '/api/v1/team/agents', {
      token, body: { username, name: `新人${username}`, role, password: 'new-agent-password' },
    });
    const manager = await add(owner.token, 'manager1', 'manager');
    assert.equal(manager.status, 201);
    assert.equal(manager.body.agent.role, 'manager');
    const asManager = await loginAgent(server.url, 'manager1', 'new-agent-password');
    assert.equal((await add(asManager.token, 'presale2', 'presale')).status, 201);
    assert.equal((await add(asManager.token, 'owner2', 'owner')).status, 403);
    const presale = await loginAgent(server.url, 'presale1');
    const refused = await add(presale.token, 'sneaky', 'support');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.equal((await add(owner.token, 'presale2', 'presale')).status, 409);
    const team = await api(server.url, 'GET', '/api/v1/team/agents', { token: presale.token });
    assert.deepEqual(team.body.agents.map((a: { username: string }) => a.username).sort(),
      ['aftersale1', 'manager1', 'owner', 'presale1', 'presale2', 'support1']);
    assert.ok(team.body.agents.every((a: Record<string, unknown>) => !('password_hash' in a) && !('passwordHash' in a)));
    assert.equal((await loginAgent(server.url, 'presale2', 'new-agent-password')).agent.role, 'presale');
  });

  it('lets the widget be called from a shop\'s own domain, but not the agent API', async () => {
    const preflight = await fetch(`${server.url}/api/v1/widget/sessions`, {
      method: 'OPTIONS', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const agentApi = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(agentApi.headers.get('access-control-allow-origin'), null);
  });
});

describe('first run without the demo', () => {
  it('asks for setup, creates the shop and owner once, then refuses a second setup', async () => {
    const server = await startTestServer({ env: { GOLDDESK_DEMO: '0' } });
    try {
      assert.deepEqual((await api(server.url, 'GET', '/api/v1/setup')).body, { needed: true });
      const login = await api(server.url, 'POST', '/api/v1/auth/login', { body: { shop: 'demo', username: 'owner', password: DEMO_PASSWORD } });
      assert.equal(login.status, 401, 'no demo agents');
      const setup = await api(server.url, 'POST', '/api/v1/setup', {
        body: { shop: 'my-shop', shopName: '我的小店', username: 'boss', name: '老板', password: 'boss-password' },
      });
      assert.equal(setup.status, 200);
      assert.equal(setup.body.agent.role, 'owner');
      assert.equal((await api(server.url, 'GET', '/api/v1/me', { token: setup.body.token })).body.shop.name, '我的小店');
      assert.deepEqual((await api(server.url, 'GET', '/api/v1/setup')).body, { needed: false });
      const again = await api(server.url, 'POST', '/api/v1/setup', {
        body: { shop: 'takeover', shopName: 'x', username: 'x', name: 'x', password: 'xxxxxxxx' },
      });
      assert.equal(again.status, 409);
    } finally {
      await server.close();
    }
  });
});
