// Roles and the permissions matrix (issue 12, item 1): the owner changes what a role may do, per shop, and it applies to
// the role's agents on their next request and on their open sockets, without signing out.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ErrorEnvelope,
  ListAuditResponse,
  ListQuickRepliesResponse,
  ListRolesResponse,
  MeResponse,
  OrderActionResponse,
  RoleResponse,
  RoleView,
  SendMessageResponse,
} from '@golddesk/contracts';
import { defaultCapabilitiesOf } from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, startBuyer, StreamClient } from './helpers/clients.js';
import { createTestDatabase, startTestServer, TEST_REDIS_URL, type TestServer } from './helpers/test-server.js';

const PASSWORD = 'permissions-test-password';

describe('roles and the permissions matrix', () => {
  let server: TestServer;
  let owner: string;
  let ownerName: string;
  let presale: { token: string; agent: { id: string } };
  /** Unpaid orders of the demo shop: 改价 applies to them. */
  let unpaid: string[];

  before(async () => {
    server = await startTestServer();
    const signedIn = await loginAgent(server.url, 'owner');
    owner = signedIn.token;
    ownerName = signedIn.agent.name;
    presale = await loginAgent(server.url, 'presale1');
    // why: the test needs orders still awaiting payment, and no agent API lists orders by state.
    unpaid = (
      await server.app.context.storage.db
        .selectFrom('orders')
        .select('id')
        .where('status', '=', 'pending_payment')
        .orderBy('id')
        .execute()
    ).map((row) => row.id);
    assert.ok(unpaid.length >= 2, 'the demo shop has unpaid orders');
  });
  after(() => server.close());

  const call = <T = unknown>(token: string, method: string, path: string, body?: unknown, language = 'zh-CN') =>
    api<T>(server.url, method, path, { token, body, headers: { 'accept-language': language } });
  const matrix = async (token = owner) => (await call<ListRolesResponse>(token, 'GET', '/api/v1/team/roles')).body;
  const roleOf = async (key: string) => (await matrix()).roles.find((role) => role.key === key)!;
  const setCapabilities = (key: string, capabilities: readonly string[]) =>
    call<RoleResponse>(owner, 'PATCH', `/api/v1/team/roles/${key}`, { capabilities });
  /** 改价 to `share` of the order's original total (a 5% discount by default: within 售前's 10%). */
  const discount = async (token: string, orderId: string, share = 0.95) => {
    const order = await call<{ order: { totalFen: number; originalTotalFen?: number | null } }>(
      owner,
      'GET',
      `/api/v1/orders/${orderId}`,
    );
    const original = order.body.order.originalTotalFen ?? order.body.order.totalFen;
    return call<OrderActionResponse>(token, 'POST', `/api/v1/orders/${orderId}/change-price`, {
      requestId: randomUUID(),
      newTotalFen: Math.round(original * share),
    });
  };
  const addAgent = async (username: string, role: string) => {
    const added = await call(owner, 'POST', '/api/v1/team/agents', { username, name: username, role, password: PASSWORD });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    return loginAgent(server.url, username, PASSWORD);
  };

  it('starts every shop with the default table: the owner has everything, 培训生 chat and quick replies only', async () => {
    const { roles, capabilities, groups } = await matrix();
    assert.deepEqual(
      roles.map((role) => role.key),
      ['owner', 'manager', 'presale', 'aftersale', 'support', 'trainee'],
    );
    const ownerRole = roles.find((role) => role.key === 'owner')!;
    assert.equal(ownerRole.locked, true);
    assert.equal(ownerRole.capabilities.length, capabilities.length);
    const trainee = roles.find((role) => role.key === 'trainee')!;
    assert.deepEqual(trainee.capabilities, defaultCapabilitiesOf('trainee'));
    assert.ok(trainee.capabilities.includes('conversations.serve') && trainee.capabilities.includes('quick_replies.use'));
    assert.deepEqual(
      trainee.capabilities.filter((c) => !c.startsWith('conversations.') && !c.startsWith('quick_replies.')),
      [],
      'chat and quick replies only',
    );
    assert.deepEqual(trainee.limits, { discount: 0, compensationFen: 0 });
    assert.equal(trainee.name, '培训生');
    assert.deepEqual((await roleOf('presale')).limits, { discount: 0.1, compensationFen: 500 });
    // Rows come with their names and groups in both languages.
    const price = capabilities.find((c) => c.key === 'orders.change_price')!;
    assert.deepEqual([price.group, price.zh, price.en], ['orders', '改价', 'Change price']);
    assert.deepEqual(
      groups.map((g) => g.zh),
      ['会话', '订单', '售后', '客户', '店铺设置', '团队'],
    );
    const english = (await call<ListRolesResponse>(owner, 'GET', '/api/v1/team/roles', undefined, 'en')).body;
    assert.equal(english.roles.find((role) => role.key === 'trainee')!.name, 'Trainee');

    // A trainee signs in and serves with quick replies, but changes nothing else.
    const trainee1 = await addAgent('trainee1', 'trainee');
    const me = (await call<MeResponse>(trainee1.token, 'GET', '/api/v1/me')).body;
    assert.equal(me.roleName, '培训生');
    assert.deepEqual(me.capabilities, trainee.capabilities);
    assert.equal((await call(trainee1.token, 'GET', '/api/v1/quick-replies')).status, 200);
    const memo = await call(trainee1.token, 'POST', `/api/v1/orders/${unpaid[0]}/memo`, {
      requestId: randomUUID(),
      memo: '培训',
      flag: null,
    });
    assert.equal(memo.status, 403);
    assert.equal((await discount(trainee1.token, unpaid[0]!)).status, 403);
  });

  it('refuses 改价 to 售前 once the owner removes it, without signing out, and allows it again once re-granted', async () => {
    const stream = await StreamClient.connect(server.url, presale.token);
    try {
      assert.equal((await discount(presale.token, unpaid[0]!)).status, 200, 'within 售前 limit: applied');
      const before = (await roleOf('presale')).capabilities;
      const revoked = await setCapabilities(
        'presale',
        before.filter((c) => c !== 'orders.change_price'),
      );
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
      assert.equal(revoked.body.role.capabilities.includes('orders.change_price'), false);
      // The presale workbench hears it and asks again what it may do.
      await stream.nextOfType('permissions.changed', (f) => f.role === 'presale');
      const me = (await call<MeResponse>(presale.token, 'GET', '/api/v1/me')).body;
      assert.equal(me.capabilities.includes('orders.change_price'), false);

      const refused = await discount(presale.token, unpaid[0]!);
      assert.equal(refused.status, 403);
      assert.equal((refused.body as unknown as ErrorEnvelope).error.code, 'forbidden');
      // The rest of the role is untouched: 售前 still writes memos.
      const memo = await call(presale.token, 'POST', `/api/v1/orders/${unpaid[0]}/memo`, {
        requestId: randomUUID(),
        memo: '售前备注',
        flag: null,
      });
      assert.equal(memo.status, 200, JSON.stringify(memo.body));

      assert.equal((await setCapabilities('presale', before)).status, 200);
      assert.equal((await discount(presale.token, unpaid[0]!)).status, 200, 'granted again: applied');
    } finally {
      await stream.close();
    }
  });

  it("moves 改价 and goodwill limits with the matrix: 售前's 20% applies at once after the owner raises the limit", async () => {
    assert.equal((await discount(presale.token, unpaid[1]!, 0.8)).status, 202, 'beyond 10%: an approval request');
    const raised = await call<RoleResponse>(owner, 'PATCH', '/api/v1/team/roles/presale', {
      limits: { discount: 0.25, compensationFen: 1500 },
    });
    assert.equal(raised.status, 200, JSON.stringify(raised.body));
    assert.deepEqual(raised.body.role.limits, { discount: 0.25, compensationFen: 1500 });
    assert.equal((await discount(presale.token, unpaid[1]!, 0.8)).status, 200, 'within the new 25%: applied');
    // The after-sales policy page reads the same goodwill limit.
    const policy = await call<{ policy: { compensationLimitsFen: Record<string, number> } }>(
      owner,
      'GET',
      '/api/v1/settings/aftersale-policy',
    );
    assert.equal(policy.body.policy.compensationLimitsFen.presale, 1500);
  });

  it('lets a custom role 大促临时工 with only chat and quick replies serve a buyer end to end, and nothing else', async () => {
    const made = await call<RoleResponse>(owner, 'POST', '/api/v1/team/roles', { name: '大促临时工' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { key } = made.body.role;
    assert.match(key, /^custom-[a-z0-9]+$/);
    assert.deepEqual(made.body.role.capabilities, [], 'a new role starts with nothing');
    assert.equal((await setCapabilities(key, ['conversations.serve', 'quick_replies.use'])).status, 200);

    const temp = await addAgent('temp1', key);
    const me = (await call<MeResponse>(temp.token, 'GET', '/api/v1/me')).body;
    assert.equal(me.agent.role, key);
    assert.equal(me.roleName, '大促临时工');
    assert.deepEqual(me.capabilities, ['conversations.serve', 'quick_replies.use']);
    const team = (await call<{ agents: { username?: string; roleName?: string }[] }>(owner, 'GET', '/api/v1/team/agents')).body;
    assert.equal(team.agents.find((a) => a.username === 'temp1')!.roleName, '大促临时工');

    // A buyer writes; the temp agent takes them, reads quick replies and answers.
    const buyer = await startBuyer(server.url);
    const asked = await api<SendMessageResponse>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: '双十一什么时候发货？', clientMsgId: randomUUID() },
    });
    assert.ok(asked.status < 300, JSON.stringify(asked.body));
    const taken = await call(temp.token, 'POST', `/api/v1/conversations/${buyer.conversation.id}/assign`);
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    const phrases = await call<z.infer<typeof ListQuickRepliesResponse>>(temp.token, 'GET', '/api/v1/quick-replies');
    assert.equal(phrases.status, 200);
    // A phrase without variables to fill ({包邮门槛} …) goes out as it is.
    const phrase = phrases.body.quickReplies.find((p) => !p.content.includes('{'));
    assert.ok(phrase, 'the team phrases are there');
    const replied = await call<SendMessageResponse>(
      temp.token,
      'POST',
      `/api/v1/conversations/${buyer.conversation.id}/messages`,
      {
        body: phrase.content,
        clientMsgId: randomUUID(),
      },
    );
    assert.ok(replied.status < 300, JSON.stringify(replied.body));
    assert.equal(replied.body.message.sender, 'agent');

    // 改价, 导入, 群发, 设置 and the rest are refused.
    const hours = (await call<{ hours: unknown }>(owner, 'GET', '/api/v1/shop-hours')).body.hours;
    const imported = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/imports?kind=products', {
      token: temp.token,
      raw: '商品编码,标题\n',
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(imported.status, 403, JSON.stringify(imported.body));
    const refusals: [string, string, unknown?][] = [
      ['POST', `/api/v1/orders/${unpaid[0]}/change-price`, { requestId: randomUUID(), newTotalFen: 1 }],
      ['POST', '/api/v1/broadcasts', { title: '双十一', template: '亲，大促开始啦' }],
      ['PUT', '/api/v1/shop-hours', hours],
      ['GET', '/api/v1/integration'],
      ['GET', '/api/v1/audit'],
      ['POST', `/api/v1/orders/${unpaid[0]}/memo`, { requestId: randomUUID(), memo: '临时工', flag: null }],
      ['GET', '/api/v1/team/roles'],
    ];
    for (const [method, path, body] of refusals) {
      const answer = await call<ErrorEnvelope>(temp.token, method, path, body);
      assert.equal(answer.status, 403, `${method} ${path}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.code, 'forbidden');
    }

    // Renamed: the workbench shows the new name on the next /me.
    assert.equal((await call(owner, 'PATCH', `/api/v1/team/roles/${key}`, { name: '双十一临时工' })).status, 200);
    assert.equal((await call<MeResponse>(temp.token, 'GET', '/api/v1/me')).body.roleName, '双十一临时工');
    // In use: cannot be deleted.
    const deleted = await call<ErrorEnvelope>(owner, 'DELETE', `/api/v1/team/roles/${key}`);
    assert.equal(deleted.status, 409);
    assert.equal(deleted.body.error.code, 'role_in_use');
    assert.match(deleted.body.error.message, /1 位客服/);
    assert.ok(await roleOf(key), 'still there');
  });

  it('copies another role, and deletes a role nobody holds with its limits', async () => {
    const copied = await call<RoleResponse>(owner, 'POST', '/api/v1/team/roles', { name: '售前副本', copyFrom: 'presale' });
    assert.equal(copied.status, 201, JSON.stringify(copied.body));
    const presaleRole = await roleOf('presale');
    assert.deepEqual(copied.body.role.capabilities, presaleRole.capabilities);
    assert.deepEqual(copied.body.role.limits, presaleRole.limits);
    // Copying the owner never hands over what could lock the owner out.
    const ownerCopy = await call<RoleResponse>(owner, 'POST', '/api/v1/team/roles', { name: '二当家', copyFrom: 'owner' });
    assert.equal(ownerCopy.body.role.capabilities.includes('team.manage_owner'), false);

    const key = copied.body.role.key;
    assert.equal((await call(owner, 'DELETE', `/api/v1/team/roles/${key}`)).status, 204);
    assert.equal(await roleOf(key), undefined);
    const policy = await call<{ policy: { compensationLimitsFen: Record<string, number> } }>(
      owner,
      'GET',
      '/api/v1/settings/aftersale-policy',
    );
    assert.equal(key in policy.body.policy.compensationLimitsFen, false, 'its goodwill limit went with it');
    assert.equal((await call(owner, 'DELETE', `/api/v1/team/roles/${ownerCopy.body.role.key}`)).status, 204);
  });

  it("never changes the owner's column, and refuses bad input with a clear message and nothing changed", async () => {
    const made = await call<RoleResponse>(owner, 'POST', '/api/v1/team/roles', { name: '客服组长' });
    const { key } = made.body.role;
    const snapshot = await matrix();
    const refusals: [string, string, unknown, number, string, RegExp][] = [
      ['PATCH', '/api/v1/team/roles/owner', { capabilities: [] }, 403, 'role_locked', /店长始终拥有全部权限/],
      ['PATCH', '/api/v1/team/roles/owner', { limits: { discount: 0 } }, 403, 'role_locked', /店长/],
      ['PATCH', `/api/v1/team/roles/${key}`, { capabilities: ['orders.fly_to_moon'] }, 400, 'invalid_input', /capabilities/],
      [
        'PATCH',
        `/api/v1/team/roles/${key}`,
        { capabilities: ['team.manage_owner'] },
        400,
        'capability_owner_only',
        /管理店长账号/,
      ],
      ['POST', '/api/v1/team/roles', { name: '   ' }, 400, 'invalid_input', /name/],
      ['POST', '/api/v1/team/roles', { name: '客服组长' }, 409, 'role_name_taken', /客服组长/],
      ['POST', '/api/v1/team/roles', { name: '售前' }, 409, 'role_name_taken', /售前/],
      ['POST', '/api/v1/team/roles', { name: 'support' }, 409, 'role_name_taken', /support/],
      ['PATCH', `/api/v1/team/roles/${key}`, { name: ' 双十一临时工 ' }, 409, 'role_name_taken', /双十一临时工/],
      ['PATCH', '/api/v1/team/roles/presale', { name: '销售' }, 409, 'role_built_in', /内置角色/],
      ['PATCH', '/api/v1/team/roles/presale', { limits: { discount: 1.5 } }, 400, 'invalid_input', /discount/],
      ['PATCH', '/api/v1/team/roles/presale', { limits: { compensationFen: -1 } }, 400, 'invalid_input', /compensationFen/],
      ['PATCH', '/api/v1/team/roles/presale', {}, 400, 'invalid_input', /nothing to change/],
      ['PATCH', '/api/v1/team/roles/custom-doesnotexist', { capabilities: [] }, 404, 'not_found', /角色/],
      ['PATCH', '/api/v1/team/roles/Presale', { capabilities: [] }, 400, 'invalid_input', /key/],
      ['DELETE', '/api/v1/team/roles/presale', undefined, 409, 'role_built_in', /内置角色/],
      [
        'POST',
        '/api/v1/team/agents',
        { username: 'ghost1', name: 'ghost', role: 'custom-nosuchrole', password: PASSWORD },
        400,
        'role_unknown',
        /custom-nosuchrole/,
      ],
      ['POST', '/api/v1/team/roles', { name: '复制品', copyFrom: 'custom-nosuchrole' }, 404, 'not_found', /角色/],
    ];
    for (const [method, path, body, status, code, message] of refusals) {
      const answer = await call<ErrorEnvelope>(owner, method, path, body);
      const label = `${method} ${path} ${JSON.stringify(body)} → ${JSON.stringify(answer.body)}`;
      assert.equal(answer.status, status, label);
      assert.equal(answer.body.error.code, code, label);
      assert.match(answer.body.error.message, message, label);
    }
    // In English too.
    const english = await call<ErrorEnvelope>(owner, 'PATCH', '/api/v1/team/roles/owner', { capabilities: [] }, 'en');
    assert.match(english.body.error.message, /always has every permission/);
    const taken = await call<ErrorEnvelope>(owner, 'POST', '/api/v1/team/roles', { name: '客服组长' }, 'en');
    assert.match(taken.body.error.message, /A role named "客服组长" already exists/);

    assert.deepEqual(await matrix(), snapshot, 'nothing changed');
    assert.equal((await call(owner, 'DELETE', `/api/v1/team/roles/${key}`)).status, 204);
  });

  it("keeps another shop's roles out of reach", async () => {
    const other = await startOtherShopOwner(server);
    const theirs = await call<RoleResponse>(other, 'POST', '/api/v1/team/roles', { name: '别家角色' });
    assert.equal(theirs.status, 201);
    const snapshot = await matrix();
    for (const [method, body] of [
      ['PATCH', { capabilities: ['orders.change_price'] }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await call<ErrorEnvelope>(owner, method, `/api/v1/team/roles/${theirs.body.role.key}`, body);
      assert.equal(answer.status, 404, JSON.stringify(answer.body));
    }
    const copy = await call(owner, 'POST', '/api/v1/team/roles', { name: '偷来的', copyFrom: theirs.body.role.key });
    assert.equal(copy.status, 404);
    const agent = await call(owner, 'POST', '/api/v1/team/agents', {
      username: 'stranger1',
      name: 'stranger',
      role: theirs.body.role.key,
      password: PASSWORD,
    });
    assert.equal(agent.status, 400);
    assert.deepEqual(await matrix(), snapshot, 'nothing changed');
    assert.equal(
      (await matrix(other)).roles.some((role) => role.name === '别家角色'),
      true,
    );
  });

  it('gives a colleague another role at once: their open workbench is told, their next request decides with it', async () => {
    const promoted = await addAgent('promoted1', 'trainee');
    const stream = await StreamClient.connect(server.url.replace('http', 'ws'), promoted.token);
    assert.equal((await discount(promoted.token, unpaid[1]!)).status, 403, 'a trainee may not change prices');
    const changed = await call<{ agent: { role: string } }>(owner, 'PATCH', `/api/v1/team/agents/${promoted.agent.id}`, {
      role: 'presale',
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.agent.role, 'presale');
    await stream.nextOfType('agent.role_changed', (f) => f.agentId === promoted.agent.id && f.role === 'presale');
    const me = (await call<MeResponse>(promoted.token, 'GET', '/api/v1/me')).body;
    assert.ok(me.capabilities.includes('orders.change_price'), 'no sign-out needed');
    assert.equal((await discount(promoted.token, unpaid[1]!)).status, 200);
    const audit = (await call<z.infer<typeof ListAuditResponse>>(owner, 'GET', '/api/v1/audit?targetType=agent')).body;
    assert.ok(JSON.stringify(audit).includes('agent.role_changed'));

    const manager = await addAgent('manager-roles', 'manager');
    const toOwner = await call<ErrorEnvelope>(manager.token, 'PATCH', `/api/v1/team/agents/${promoted.agent.id}`, {
      role: 'owner',
    });
    assert.equal(toOwner.status, 403, 'a manager cannot make anyone 店长');
    const unknown = await call<ErrorEnvelope>(owner, 'PATCH', `/api/v1/team/agents/${promoted.agent.id}`, {
      role: 'custom-nope',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'role_unknown');
    const team = await call<{ agents: { id: string; role: string }[] }>(owner, 'GET', '/api/v1/team/agents');
    assert.equal(team.body.agents.find((a) => a.id === promoted.agent.id)?.role, 'presale', 'nothing changed');
    await stream.close();
  });

  it('shows managers the matrix read-only, others not at all', async () => {
    const manager = await addAgent('manager9', 'manager');
    assert.equal((await call(manager.token, 'GET', '/api/v1/team/roles')).status, 200);
    const patched = await call(manager.token, 'PATCH', '/api/v1/team/roles/presale', { capabilities: [] });
    assert.equal(patched.status, 403);
    assert.equal((await call(manager.token, 'POST', '/api/v1/team/roles', { name: '主管的角色' })).status, 403);
    assert.equal((await call(presale.token, 'GET', '/api/v1/team/roles')).status, 403);
  });

  it('masks phones on open sockets as the matrix says, from the moment it changes', async () => {
    // 售前 sees receivers' phones masked by default; the owner grants full phones, then takes them back.
    const stream = await StreamClient.connect(server.url, presale.token);
    try {
      const memo = (text: string) =>
        call(owner, 'POST', `/api/v1/orders/${unpaid[0]}/memo`, { requestId: randomUUID(), memo: text, flag: null });
      const phoneAfter = async (text: string) => {
        await memo(text);
        const frame = await stream.nextOfType('order.updated', (f) => f.order.memo === text);
        return frame.order.receiver.phone;
      };
      const presaleRole = await roleOf('presale');
      const restore = presaleRole.capabilities;
      assert.match(await phoneAfter('掩码一'), /\*{4}/);
      await setCapabilities('presale', [...restore, 'buyers.see_full_phone']);
      await stream.nextOfType('permissions.changed', (f) => f.role === 'presale');
      assert.doesNotMatch(await phoneAfter('掩码二'), /\*/);
      await setCapabilities('presale', restore);
      assert.match(await phoneAfter('掩码三'), /\*{4}/);
    } finally {
      await stream.close();
    }
  });

  it('audits every change: who, which role, what was granted, revoked or limited', async () => {
    const audit = (await call<z.infer<typeof ListAuditResponse>>(owner, 'GET', '/api/v1/audit?targetType=role&limit=200')).body
      .entries;
    const actions = new Set(audit.map((entry) => entry.action));
    assert.deepEqual([...actions].sort(), ['role.created', 'role.deleted', 'role.updated']);
    const revoke = audit.find(
      (e) => e.targetId === 'presale' && (e.after?.revoked as string[] | undefined)?.includes('orders.change_price'),
    );
    assert.ok(revoke, 'the revocation of 改价 is recorded');
    assert.equal(revoke.actor.name, ownerName);
    assert.deepEqual(revoke.after?.granted, []);
    const limit = audit.find((e) => e.targetId === 'presale' && e.after?.limits);
    assert.deepEqual(limit?.before, { limits: { discount: 0.1, compensationFen: 500 } });
    assert.deepEqual(limit?.after, { limits: { discount: 0.25, compensationFen: 1500 } });
  });
});

/** Another shop with its owner signed in (first-run setup is taken by the demo, so straight through the setup API). */
async function startOtherShopOwner(server: TestServer): Promise<string> {
  const { addOtherShop } = await import('./helpers/other-shop.js');
  const other = await addOtherShop(server);
  return other.owner.token;
}

describe('roles across server processes', () => {
  it(
    'a change made through one server process applies on another at once (PostgreSQL + Redis)',
    { skip: !TEST_REDIS_URL && 'needs GOLDDESK_TEST_REDIS_URL' },
    async () => {
      const database = await createTestDatabase();
      const first = await startTestServer({ database });
      const second = await startTestServer({ database });
      try {
        const owner = (await loginAgent(first.url, 'owner')).token;
        const presale = (await loginAgent(second.url, 'presale1')).token;
        const stream = await StreamClient.connect(second.url, presale);
        const matrix = (await api<ListRolesResponse>(first.url, 'GET', '/api/v1/team/roles', { token: owner })).body;
        const presaleRole: RoleView = matrix.roles.find((role) => role.key === 'presale')!;
        const revoked = await api(first.url, 'PATCH', '/api/v1/team/roles/presale', {
          token: owner,
          body: { capabilities: presaleRole.capabilities.filter((c) => c !== 'orders.change_price') },
        });
        assert.equal(revoked.status, 200);
        // The other process's socket hears it (Redis), and its next request decides with the new column.
        await stream.nextOfType('permissions.changed', (f) => f.role === 'presale');
        const me = (await api<MeResponse>(second.url, 'GET', '/api/v1/me', { token: presale })).body;
        assert.equal(me.capabilities.includes('orders.change_price'), false);
        const order = await first.app.context.storage.db
          .selectFrom('orders')
          .select('id')
          .where('status', '=', 'pending_payment')
          .executeTakeFirstOrThrow();
        const refused = await api(second.url, 'POST', `/api/v1/orders/${order.id}/change-price`, {
          token: presale,
          body: { requestId: randomUUID(), newTotalFen: 1 },
        });
        assert.equal(refused.status, 403);
        await stream.close();
      } finally {
        await second.stop();
        await first.close();
      }
    },
  );
});
