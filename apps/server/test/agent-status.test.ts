// Agent status (issue 12, first step; CONTRACT "Routing": PUT /api/v1/me/status): 在线 / 忙碌 / 离线 set by the agent,
// kept across reconnects, seen by colleagues at once, and 离线 while no workbench of theirs is open.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorEnvelope, MeResponse } from '@golddesk/contracts';
import { api, loginAgent, StreamClient, until } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('agent status', () => {
  let server: TestServer;
  let owner: { token: string };
  let presale: { token: string; agent: { id: string } };
  let clock = Date.parse('2026-11-06T10:00:00+08:00');

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
  });
  after(() => server.close());

  const ws = () => server.url.replace('http', 'ws');
  const statusOf = async (agentId: string) =>
    (
      await api<{ agents: { id: string; status?: string }[] }>(server.url, 'GET', '/api/v1/team/agents', { token: owner.token })
    ).body.agents.find((a) => a.id === agentId)?.status;
  const setStatus = (status: string) =>
    api<{ status: string }>(server.url, 'PUT', '/api/v1/me/status', { token: presale.token, body: { status } });

  it('挂起 (busy) is seen by colleagues while the workbench is open, kept across a reconnect, 离线 once it closes', async () => {
    const watching = await StreamClient.connect(ws(), owner.token);
    const set = await setStatus('busy');
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body, { status: 'busy' });
    assert.equal(await statusOf(presale.agent.id), 'offline', 'no workbench of theirs is open');

    let workbench = await StreamClient.connect(ws(), presale.token);
    assert.equal(await statusOf(presale.agent.id), 'busy');
    await workbench.close();
    workbench = await StreamClient.connect(ws(), presale.token);
    assert.equal(await statusOf(presale.agent.id), 'busy', 'a reconnect keeps the status');
    const me = await api<MeResponse>(server.url, 'GET', '/api/v1/me', { token: presale.token });
    assert.equal(me.body.agent.status, 'busy');

    const heard = watching.nextOfType('agent.status_changed', (f) => f.agentId === presale.agent.id && f.status === 'online');
    assert.equal((await setStatus('online')).status, 200);
    await heard;
    assert.equal(await statusOf(presale.agent.id), 'online');
    await workbench.close();
    await watching.close();
  });

  it('an unknown status is refused with a clear error and changes nothing', async () => {
    const refused = await api<ErrorEnvelope>(server.url, 'PUT', '/api/v1/me/status', {
      token: presale.token,
      body: { status: 'lunch' },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'invalid_input');
    const me = await api<MeResponse>(server.url, 'GET', '/api/v1/me', { token: presale.token });
    assert.notEqual(me.body.agent.status, 'lunch');
  });

  it('the last workbench closing makes the agent 离线 by itself after a 2-minute grace; the next workbench brings 在线 back', async () => {
    const support = await loginAgent(server.url, 'support1');
    const myStatus = async () =>
      (await api<MeResponse>(server.url, 'GET', '/api/v1/me', { token: support.token })).body.agent.status;
    const watching = await StreamClient.connect(ws(), owner.token);
    let workbench = await StreamClient.connect(ws(), support.token);
    await watching.nextOfType('agent.status_changed', (f) => f.agentId === support.agent.id && f.status === 'online');
    await workbench.close();
    await watching.nextOfType('agent.status_changed', (f) => f.agentId === support.agent.id && f.status === 'offline');
    clock += 60_000;
    await server.app.jobs.runDue();
    assert.equal(await myStatus(), 'online', 'a reload or a dropped network within the grace changes nothing');
    clock += 61_000;
    await server.app.jobs.runDue();
    assert.equal(await myStatus(), 'offline', '离线 came by itself');
    const periods = await server.app.context.storage.db
      .selectFrom('agent_status_periods')
      .select(['status', 'ended_at'])
      .where('agent_id', '=', support.agent.id)
      .orderBy('started_at')
      .execute();
    assert.deepEqual(periods.at(-1), { status: 'offline', ended_at: null }, 'online time stops counting');

    const heardBefore = watching.frames.length;
    workbench = await StreamClient.connect(ws(), support.token);
    await watching.next(
      (f) => watching.frames.indexOf(f) >= heardBefore && f.type === 'agent.status_changed' && f.status === 'online',
    );
    await until(async () => (await myStatus()) === 'online');
    assert.equal(await myStatus(), 'online', 'back at the workbench, back 在线');

    // A 离线 the agent chose stays across reconnects and grace periods.
    await api(server.url, 'PUT', '/api/v1/me/status', { token: support.token, body: { status: 'offline' } });
    await workbench.close();
    clock += 10 * 60_000;
    await server.app.jobs.runDue();
    workbench = await StreamClient.connect(ws(), support.token);
    assert.equal(await myStatus(), 'offline');
    await workbench.close();
    await watching.close();
  });
});
