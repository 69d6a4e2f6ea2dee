import assert from 'node:assert/strict';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { after, before, describe, it, mock } from 'node:test';
import type {
  AgentResponse,
  ErrorEnvelope,
  ListAgentsResponse,
  ListConversationsResponse,
  LoginResponse,
  MeResponse,
  SearchMessagesResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { hashPassword, passwordKdf } from '../src/platform/security/passwords.js';
import { api, loginAgent, startBuyer, buyerSays } from './helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helpers/test-server.js';

describe('sign-in, tokens and tenancy', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { LOGIN_MAX_FAILURES: '10' } });
  });
  after(() => server.close());

  it('signs in a demo agent with the role the contract names, and refuses a wrong password with 401', async () => {
    const ok = await api<LoginResponse>(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 'owner', password: DEMO_PASSWORD },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.agent.role, 'owner');
    assert.ok(ok.body.token.length > 20);
    const me = await api<MeResponse>(server.url, 'GET', '/api/v1/me', { token: ok.body.token });
    assert.equal(me.body.shop.slug, 'demo');
    const wrong = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 'owner', password: 'nope-nope' },
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'wrong_credentials');
  });

  it('stores passwords hashed, never in clear', async () => {
    // why: what is stored is the point; no API ever shows a password hash.
    const rows = await server.app.context.storage.db.selectFrom('agents').select('password_hash').execute();
    for (const row of rows) {
      assert.ok(!row.password_hash.includes(DEMO_PASSWORD));
      assert.match(row.password_hash, /^scrypt\$/);
    }
  });

  it('answers 429 after repeated failures for one account while other accounts still sign in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push(
        (
          await api(server.url, 'POST', '/api/v1/auth/login', {
            body: { shop: 'demo', username: 'support1', password: `wrong-${i}` },
          })
        ).status,
      );
    }
    assert.equal(statuses[0], 401);
    assert.equal(statuses.at(-1), 429);
    const locked = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 'support1', password: DEMO_PASSWORD },
    });
    assert.equal(locked.status, 429, 'even the right password waits out the lock');
    assert.equal(locked.body.error.code, 'too_many_login_attempts');
    const colleague = await api(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 'aftersale1', password: DEMO_PASSWORD },
    });
    assert.equal(colleague.status, 200);
  });

  it('lets an agent of another shop see nothing of the demo shop', async () => {
    // why: no API opens a second shop on a running server (setup runs once).
    const db = server.app.context.storage.db;
    const shopId = randomUUID();
    await db
      .insertInto('shops')
      .values({ id: shopId, slug: 'other', name: '别家小店', created_at: new Date().toISOString() })
      .execute();
    await db
      .insertInto('agents')
      .values({
        id: randomUUID(),
        shop_id: shopId,
        username: 'boss',
        name: '别家店长',
        role: 'owner',
        password_hash: await hashPassword('other-password'),
        created_at: new Date().toISOString(),
      })
      .execute();
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '只给小美家看的消息');
    const other = await loginAgent(server.url, 'boss', 'other-password', 'other');
    const list = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations', { token: other.token });
    assert.deepEqual(list.body.conversations, []);
    const read = await api(server.url, 'GET', `/api/v1/conversations/${buyer.conversation.id}/messages`, { token: other.token });
    assert.equal(read.status, 404);
    const write = await api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/messages`, {
      token: other.token,
      body: { body: 'hi', clientMsgId: 'x' },
    });
    assert.equal(write.status, 404);
    const search = await api<SearchMessagesResponse>(
      server.url,
      'GET',
      `/api/v1/search/messages?q=${encodeURIComponent('消息')}`,
      {
        token: other.token,
      },
    );
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

  it('lets tokens expire by the app clock, not the wall clock', async () => {
    let clock = Date.parse('2026-11-11T10:00:00Z');
    const shortLived = await startTestServer({ env: { AGENT_TOKEN_TTL_HOURS: '1' }, now: () => new Date(clock) });
    try {
      const signedIn = await loginAgent(shortLived.url);
      const { token } = signedIn;
      // A client whose clock differs from the server's counts the lifetime from receipt.
      assert.equal((signedIn as { expiresInSeconds?: number }).expiresInSeconds, 3600);
      assert.equal((signedIn as { expiresAt?: string }).expiresAt, '2026-11-11T11:00:00.000Z');
      clock += 59 * 60_000;
      assert.equal((await api(shortLived.url, 'GET', '/api/v1/me', { token })).status, 200, 'still good a minute before expiry');
      clock += 61_000;
      const expired = await api<ErrorEnvelope>(shortLived.url, 'GET', '/api/v1/me', { token });
      assert.equal(expired.status, 401);
      assert.equal(expired.body.error.code, 'invalid_token');
    } finally {
      await shortLived.close();
    }
  });

  it('hashes with scrypt at OWASP cost (N=2^17, r=8, p=1) and upgrades an older, cheaper hash at the next sign-in', async () => {
    const db = server.app.context.storage.db;
    const salt = randomBytes(16);
    const key = scryptSync(DEMO_PASSWORD, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const oldHash = ['scrypt', 1 << 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    // why: plays a hash stored by an older version, and reads back what sign-in stored in its place.
    await db.updateTable('agents').set({ password_hash: oldHash }).where('username', '=', 'aftersale1').execute();
    await loginAgent(server.url, 'aftersale1');
    const row = await db
      .selectFrom('agents')
      .select('password_hash')
      .where('username', '=', 'aftersale1')
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^scrypt\$131072\$8\$1\$/);
    assert.equal((await loginAgent(server.url, 'aftersale1')).agent.role, 'aftersale', 'the new hash verifies');
  });
});

describe('sign-in throttling per account and address, per address', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      env: {
        TRUST_PROXY: '1',
        LOGIN_MAX_FAILURES: '10',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '30',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      },
    });
  });
  after(() => server.close());
  const login = <T = LoginResponse>(username: string, password: string, address: string) =>
    api<T>(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username, password },
      headers: { 'x-forwarded-for': address },
    });

  it("an address guessing the owner's password is stopped, while the owner still signs in from elsewhere", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login('owner', `guess-${i}`, '203.0.113.7')).status);
    assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
    const attacker = await login<ErrorEnvelope>('owner', DEMO_PASSWORD, '203.0.113.7');
    assert.equal(attacker.status, 429, 'even the right password waits out the lock at that address');
    assert.equal(attacker.body.error.code, 'too_many_login_attempts');
    assert.equal((await login('owner', DEMO_PASSWORD, '198.51.100.20')).status, 200, 'the owner is not locked out');
  });

  it('one address trying many usernames is stopped for every account; an IPv6 /64 counts as one address', async () => {
    const limited = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_ADDRESS: '6' } });
    try {
      const tryAs = (username: string, password: string, address: string) =>
        api(limited.url, 'POST', '/api/v1/auth/login', {
          body: { shop: 'demo', username, password },
          headers: { 'x-forwarded-for': address },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await tryAs(`nobody${i}`, 'wrong-password', `2001:db8:7:7::${i + 1}`)).status);
      assert.deepEqual(statuses, Array(6).fill(401));
      const refused = await tryAs('presale1', DEMO_PASSWORD, '2001:db8:7:7:abcd::99');
      assert.equal(refused.status, 429, 'the seventh try from the same /64 is refused, whatever the account');
      assert.equal((await tryAs('presale1', DEMO_PASSWORD, '2001:db8:7:8::1')).status, 200, 'the next /64 is another address');
    } finally {
      await limited.close();
    }
  });

  it('past the account-wide ceiling only addresses that signed in to the account before may still try', async () => {
    const limited = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
    try {
      const tryAs = (password: string, address: string) =>
        api(limited.url, 'POST', '/api/v1/auth/login', {
          body: { shop: 'demo', username: 'support1', password },
          headers: { 'x-forwarded-for': address },
        });
      assert.equal((await tryAs(DEMO_PASSWORD, '192.0.2.10')).status, 200, 'support1 signs in at the office');
      for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
        assert.equal((await tryAs('wrong-password', address)).status, 401);
      assert.equal((await tryAs(DEMO_PASSWORD, '198.51.100.99')).status, 429, 'a new address is refused');
      assert.equal((await tryAs(DEMO_PASSWORD, '192.0.2.10')).status, 200, 'the office still signs in');
    } finally {
      await limited.close();
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
    const add = <T = z.infer<typeof AgentResponse>>(token: string, username: string, role: string) =>
      api<T>(server.url, 'POST', '/api/v1/team/agents', {
        token,
        body: { username, name: `新人${username}`, role, password: 'new-agent-password' },
      });
    const manager = await add(owner.token, 'manager1', 'manager');
    assert.equal(manager.status, 201);
    assert.equal(manager.body.agent.role, 'manager');
    const asManager = await loginAgent(server.url, 'manager1', 'new-agent-password');
    assert.equal((await add(asManager.token, 'presale2', 'presale')).status, 201);
    assert.equal((await add(asManager.token, 'owner2', 'owner')).status, 403);
    const presale = await loginAgent(server.url, 'presale1');
    const refused = await add<ErrorEnvelope>(presale.token, 'sneaky', 'support');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.equal((await add(owner.token, 'presale2', 'presale')).status, 409);
    const team = await api<z.infer<typeof ListAgentsResponse>>(server.url, 'GET', '/api/v1/team/agents', {
      token: presale.token,
    });
    assert.deepEqual(team.body.agents.map((a) => a.username).sort(), [
      'aftersale1',
      'manager1',
      'owner',
      'presale1',
      'presale2',
      'support1',
    ]);
    assert.ok(team.body.agents.every((a: Record<string, unknown>) => !('password_hash' in a) && !('passwordHash' in a)));
    assert.equal((await loginAgent(server.url, 'presale2', 'new-agent-password')).agent.role, 'presale');
  });

  it("lets the widget be called from a shop's own domain, but not the agent API", async () => {
    const preflight = await fetch(`${server.url}/api/v1/widget/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const agentApi = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(agentApi.headers.get('access-control-allow-origin'), null);
  });
});

describe('first run without the demo', () => {
  it('asks for setup, creates the shop and owner once, then refuses a second setup', async () => {
    const server = await startTestServer({ env: { GOLDDESK_DEMO: '0' } });
    try {
      assert.deepEqual((await api(server.url, 'GET', '/api/v1/setup')).body, { needed: true });
      const login = await api(server.url, 'POST', '/api/v1/auth/login', {
        body: { shop: 'demo', username: 'owner', password: DEMO_PASSWORD },
      });
      assert.equal(login.status, 401, 'no demo agents');
      const setup = await api<LoginResponse>(server.url, 'POST', '/api/v1/setup', {
        body: { shop: 'my-shop', shopName: '我的小店', username: 'boss', name: '老板', password: 'boss-password' },
      });
      assert.equal(setup.status, 200);
      assert.equal(setup.body.agent.role, 'owner');
      assert.equal(
        (await api<MeResponse>(server.url, 'GET', '/api/v1/me', { token: setup.body.token })).body.shop.name,
        '我的小店',
      );
      assert.deepEqual((await api(server.url, 'GET', '/api/v1/setup')).body, { needed: false });
      const again = await api(server.url, 'POST', '/api/v1/setup', {
        body: { shop: 'takeover', shopName: 'x', username: 'x', name: 'x', password: 'xxxxxxxx' },
      });
      assert.equal(again.status, 409);
    } finally {
      await server.close();
    }
  });

  it('answers 409 to setup once a shop exists without hashing anything', async () => {
    const server = await startTestServer();
    const derive = mock.method(passwordKdf, 'derive');
    try {
      const again = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/setup', {
        body: { shop: 'takeover', shopName: 'x', username: 'x', name: 'x', password: 'x'.repeat(200) },
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'setup_done');
      assert.equal(derive.mock.callCount(), 0, 'no scrypt work for a setup that cannot happen');
    } finally {
      derive.mock.restore();
      await server.close();
    }
  });
});
