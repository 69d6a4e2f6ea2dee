// Routing across server processes (issue 12, item 6): three processes on one PostgreSQL + Redis, 200 buyers arriving
// at once. Each assignment is claimed atomically, so no buyer is given twice and no agent goes past capacity.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConversationSummary } from '@golddesk/contracts';
import { api, buyerSays, loginAgent, startBuyer, StreamClient, until } from './helpers/clients.js';
import { createTestDatabase, startTestServer, TEST_DB, TEST_REDIS_URL, type TestServer } from './helpers/test-server.js';

const BUYERS = 200;
const AGENTS = 6;
const CAPACITY = 10;

describe(
  'routing on three server processes (PostgreSQL + Redis)',
  { skip: (TEST_DB !== 'postgres' || !TEST_REDIS_URL) && 'needs PostgreSQL and Redis' },
  () => {
    const servers: TestServer[] = [];
    const streams: StreamClient[] = [];
    let database: Awaited<ReturnType<typeof createTestDatabase>>;

    before(async () => {
      database = await createTestDatabase();
      servers.push(await startTestServer({ database, routing: true, env: { WIDGET_SESSIONS_PER_MINUTE: '100000' } }));
      servers.push(
        await startTestServer({ database, routing: true, env: { WIDGET_SESSIONS_PER_MINUTE: '100000' } }),
        await startTestServer({ database, routing: true, env: { WIDGET_SESSIONS_PER_MINUTE: '100000' } }),
      );
    });
    after(async () => {
      await Promise.all(streams.map((s) => s.close()));
      for (const server of servers.slice(1)) await server.stop();
      await servers[0]?.stop();
      await database?.drop();
    });

    it('200 buyers at once: each given to one agent at most, nobody past capacity, the rest queued in order', async () => {
      const url = (i: number) => servers[i % servers.length]!.url;
      const owner = await loginAgent(url(0), 'owner');
      const waiting = await api<{ conversations: ConversationSummary[] }>(url(0), 'GET', '/api/v1/conversations?filter=waiting', {
        token: owner.token,
      });
      for (const c of waiting.body.conversations)
        await api(url(0), 'POST', `/api/v1/conversations/${c.id}/close`, { token: owner.token });

      const agentIds: string[] = [];
      for (let i = 0; i < AGENTS; i += 1) {
        const username = `burst-${i}`;
        const created = await api<{ agent: { id: string } }>(url(i), 'POST', '/api/v1/team/agents', {
          token: owner.token,
          body: { username, name: username, role: 'presale', password: 'agent-password-1' },
        });
        assert.equal(created.status, 201);
        agentIds.push(created.body.agent.id);
        await api(url(i), 'PATCH', `/api/v1/team/agents/${created.body.agent.id}`, {
          token: owner.token,
          body: { capacity: CAPACITY },
        });
        const { token } = await loginAgent(url(i), username, 'agent-password-1');
        streams.push(await StreamClient.connect(url(i), token));
      }

      const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => startBuyer(url(i))));
      const sent = await Promise.all(buyers.map((b, i) => buyerSays(url(i), b.token, `第${i + 1}位买家：在吗`)));
      assert.ok(sent.every((r) => r.status === 201));

      const ids = new Set(buyers.map((b) => b.conversation.id));
      const db = servers[0]!.app.context.storage.db;
      const settled = async () => {
        const rows = await db.selectFrom('conversations').select(['id', 'assignee_id', 'queue_position']).execute();
        const mine = rows.filter((r) => ids.has(r.id));
        return mine.every((r) => r.assignee_id !== null || r.queue_position !== null) ? mine : undefined;
      };
      await until(async () => (await settled()) !== undefined);
      const rows = (await settled())!;

      const loads = agentIds.map((id) => rows.filter((r) => r.assignee_id === id).length);
      assert.ok(
        loads.every((n) => n <= CAPACITY),
        `no agent past capacity: ${loads.join(', ')}`,
      );
      assert.equal(
        loads.reduce((a, b) => a + b, 0),
        AGENTS * CAPACITY,
        'every slot is used',
      );
      const events = await db
        .selectFrom('conversation_assignments')
        .select(['conversation_id', 'kind'])
        .where('kind', '=', 'routed')
        .execute();
      const perBuyer = new Map<string, number>();
      for (const e of events)
        if (ids.has(e.conversation_id)) perBuyer.set(e.conversation_id, (perBuyer.get(e.conversation_id) ?? 0) + 1);
      assert.ok(
        [...perBuyer.values()].every((n) => n === 1),
        'no buyer was given twice',
      );
      assert.equal(perBuyer.size, AGENTS * CAPACITY);
      const places = rows
        .filter((r) => r.assignee_id === null)
        .map((r) => r.queue_position!)
        .sort((a, b) => a - b);
      await until(async () => {
        const fresh = (await settled())!
          .filter((r) => r.assignee_id === null)
          .map((r) => r.queue_position!)
          .sort((a, b) => a - b);
        return fresh.every((p, i) => p === i + 1);
      });
      assert.equal(places.length, BUYERS - AGENTS * CAPACITY);
    });
  },
);
