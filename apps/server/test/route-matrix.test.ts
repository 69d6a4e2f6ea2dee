import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { AgentRole, SendMessageResponse } from '@golddesk/contracts';
import WebSocket from 'ws';
import { api, StreamClient, type JsonResponse } from './helpers/clients.js';
import { ACCESS, AGENT_ROLES, ruleOf, type Access } from './helpers/route-access.js';
import { prepareFixtures, type Fixtures } from './helpers/route-fixtures.js';
import { fillPath, LAST_ROUTES, PROBES, type Probe } from './helpers/route-probes.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

type Caller = 'none' | 'forged' | 'visitor' | 'buyer' | 'otherOwner' | AgentRole;

/** Codes that mean the caller was refused for who they are, not for what they sent. */
const AUTH_CODES = new Set(['unauthenticated', 'invalid_token', 'forbidden']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Callers in the order they are sent: those who must be refused first, so an allowed call cannot spoil their answer. */
function callersFor(access: Access): Caller[] {
  const roles = Array.isArray(access) ? (access as readonly AgentRole[]) : [];
  return [
    'none',
    'forged',
    'visitor',
    'buyer',
    'otherOwner',
    ...AGENT_ROLES.filter((r) => !roles.includes(r)),
    ...AGENT_ROLES.filter((r) => roles.includes(r)),
  ];
}

/** What a probe gets back: JSON (read only for an error envelope's code), a text body, or nothing. */
type ProbeBody = { error?: { code?: string } } | string | null;

/** The part of the OpenAPI document the matrix reads: each path's operations by method. */
interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** Why the answer breaks the rule, or undefined when it keeps it. */
function judge(access: Access, caller: Caller, foreign: boolean, response: JsonResponse<ProbeBody>): string | undefined {
  const code: string | undefined = typeof response.body === 'object' ? response.body?.error?.code : undefined;
  const fail = (want: string) => `${caller}: got ${response.status}${code ? ` ${code}` : ''}, want ${want}`;
  if (response.status >= 500) return fail('no server error');
  if (access === 'public') return code && AUTH_CODES.has(code) ? fail('no token check (public route)') : undefined;
  if (access === 'signed') {
    return response.status === 401 && code !== 'unauthenticated' && code !== 'invalid_token'
      ? undefined
      : fail('401 for the missing signature, whatever the token');
  }
  if (caller === 'none' || caller === 'forged') return response.status === 401 ? undefined : fail('401');
  const buyerRoute = access === 'buyer' || access === 'verified-buyer';
  const isBuyer = caller === 'visitor' || caller === 'buyer';
  let allowed: boolean;
  if (buyerRoute) allowed = caller === 'buyer' || (caller === 'visitor' && access === 'buyer');
  else if (isBuyer) allowed = false;
  else {
    allowed = (access as readonly AgentRole[]).includes(caller === 'otherOwner' ? 'owner' : caller);
    if (allowed && caller === 'otherOwner' && foreign) {
      return response.status === 404 || response.status === 403 ? undefined : fail('404 (the object is not in their shop)');
    }
  }
  if (!allowed) {
    const want = isBuyer || buyerRoute ? [401, 403] : [403];
    return want.includes(response.status) ? undefined : fail(`${want.join('/')} (not allowed)`);
  }
  const refused = response.status === 401 || response.status === 403 || (code !== undefined && AUTH_CODES.has(code));
  return refused ? fail('an answer past authorization (2xx, or 400/404/409… from the request itself)') : undefined;
}

describe('route matrix: every route of the OpenAPI document × every kind of caller', () => {
  let server: TestServer;
  let f: Fixtures;
  let documented: Set<string>;
  before(async () => {
    // Webhook probes point at a closed loopback port, which only a self-hoster's switch allows.
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' } });
    f = await prepareFixtures(server);
    const doc = await api<OpenApiDocument>(server.url, 'GET', '/api/v1/openapi.json');
    assert.equal(doc.status, 200, 'the OpenAPI document is public');
    documented = new Set(
      Object.entries<Record<string, unknown>>(doc.body.paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
  });
  after(() => server.close());

  const tokenOf = (caller: Caller) => {
    const p = f.principals;
    return caller === 'none'
      ? undefined
      : caller in p.roles
        ? p.roles[caller as AgentRole]
        : (p[caller as keyof typeof p] as string);
  };

  const send = (route: string, probe: Probe, caller: Caller) => {
    const [method, path] = route.split(' ') as [string, string];
    const query = probe.query ? `?${new URLSearchParams(Object.entries(probe.query).map(([k, v]) => [k, String(v)]))}` : '';
    return api<ProbeBody>(server.url, method, fillPath(path, f, probe.params) + query, {
      token: tokenOf(caller),
      body: probe.body,
      raw: probe.raw?.bytes,
      headers: probe.raw ? { 'content-type': probe.raw.type } : {},
    });
  };

  /** Sends the route's probes to every caller in turn; answers every broken expectation. */
  async function check(route: string): Promise<string[]> {
    const rule = ruleOf(route)!;
    const probes = [PROBES[route]?.(f) ?? {}].flat();
    const failures: string[] = [];
    for (const probe of probes) {
      const access = probe.case ? rule.cases[probe.case]! : rule.allow;
      const foreign = probe.foreign === true || /\{\w+\}/.test(route.replace(/\{(slug|shop)\}/g, ''));
      for (const caller of callersFor(access)) {
        const response = await send(route, probe, caller);
        const label = probe.case ? `[${probe.case}] ` : '';
        const broken = judge(access, caller, foreign, response);
        // ROUTE_MATRIX_LOG=<file> writes every answer as a line (route, case, caller, status, code) to read the matrix.
        if (process.env.ROUTE_MATRIX_LOG) {
          const code = typeof response.body === 'object' ? (response.body?.error?.code ?? '') : '';
          fs.appendFileSync(
            process.env.ROUTE_MATRIX_LOG,
            `${route}\t${probe.case ?? ''}\t${caller}\t${response.status}\t${code}\n`,
          );
        }
        if (broken) failures.push(label + broken);
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        // Public routes show the demo shop to anyone (its catalogue); every other answer to another shop holds none of it.
        const leaked = caller === 'otherOwner' && access !== 'public' && f.sentinels.find((id) => text.includes(id));
        if (leaked) failures.push(`${label}otherOwner: the answer holds ${leaked}, an id of the demo shop`);
      }
    }
    return failures;
  }

  it('has an access rule for every documented route, and none for a route that no longer exists', () => {
    const missing = [...documented]
      .filter((route) => !ACCESS[route])
      .map((route) => `new route ${route} has no access rule in route-access.ts`);
    const stale = Object.keys(ACCESS)
      .filter((route) => !documented.has(route))
      .map((route) => `route-access.ts names ${route}, which the OpenAPI document no longer has`);
    const probesOfNothing = Object.keys(PROBES)
      .filter((route) => !ACCESS[route])
      .map((route) => `route-probes.ts has a probe for ${route}, which has no rule`);
    const untestedCases = Object.keys(ACCESS).flatMap((route) =>
      Object.keys(ruleOf(route)!.cases)
        .filter((name) => ![PROBES[route]?.(f) ?? []].flat().some((probe) => probe.case === name))
        .map((name) => `${route}: case "${name}" has no probe`),
    );
    assert.deepEqual([...missing, ...stale, ...probesOfNothing, ...untestedCases], []);
  });

  const routes = Object.keys(ACCESS);
  describe('each route answers each caller as route-access.ts says', { concurrency: 6 }, () => {
    for (const route of routes.filter((r) => !LAST_ROUTES.includes(r))) {
      it(route, async (t) => {
        if (!documented.has(route)) return t.skip('not in the OpenAPI document (reported above)');
        const failures = await check(route);
        assert.ok(failures.length === 0, `${route}:\n  ${failures.join('\n  ')}`);
      });
    }
  });

  it('keeps the stream to its token: no token or a forged one is refused, another shop sees nothing', async () => {
    const upgrade = (token: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/stream?token=${encodeURIComponent(token)}`);
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => (socket.close(), resolve(101)));
        socket.on('error', () => resolve(0));
      });
    assert.equal(await upgrade(''), 401);
    assert.equal(await upgrade(f.principals.forged), 401);

    const ours = await StreamClient.connect(server.url, f.principals.roles.owner);
    const theirs = await StreamClient.connect(server.url, f.principals.otherOwner);
    const buyer = await StreamClient.connect(server.url, f.principals.buyer);
    // Another shop's owner asks for a demo conversation's history and writes into it over the socket.
    theirs.send({ type: 'resume', cursors: { [f.ids.conversation!]: 0 } });
    const clientMsgId = randomUUID();
    theirs.send({ type: 'message.send', conversationId: f.ids.conversation, clientMsgId, body: '别家店长的消息' });
    const rejected = await theirs.next((frame) => 'clientMsgId' in frame && frame.clientMsgId === clientMsgId);
    assert.equal(rejected.type, 'message.rejected');
    assert.ok(['not_found', 'forbidden'].includes(rejected.error.code), JSON.stringify(rejected));
    // The visitor writes; our owner sees it live, the other shop and the other buyer never do.
    const said = await api<SendMessageResponse>(server.url, 'POST', '/api/v1/widget/messages', {
      token: f.principals.visitor,
      body: { body: '矩阵测试：只给本店看', clientMsgId: randomUUID() },
    });
    assert.ok(said.status < 300, JSON.stringify(said.body));
    await ours.next((frame) => frame.type === 'message.created' && frame.message.id === said.body.message.id);
    theirs.send({ type: 'ping' });
    await theirs.next((frame) => frame.type === 'pong');
    buyer.send({ type: 'ping' });
    await buyer.next((frame) => frame.type === 'pong');
    const seen = (client: StreamClient) =>
      client.frames.filter(
        (frame) =>
          JSON.stringify(frame).includes(f.ids.conversation!) || JSON.stringify(frame).includes(said.body.message.conversationId),
      );
    assert.deepEqual(
      seen(theirs).filter((frame) => frame.type !== 'message.rejected'),
      [],
    );
    assert.deepEqual(buyer.messages(said.body.message.conversationId), []);
    await Promise.all([ours.close(), theirs.close(), buyer.close()]);
  });

  describe('routes that end sessions or secrets, answered last', () => {
    for (const route of LAST_ROUTES.filter((r) => ACCESS[r])) {
      it(route, async (t) => {
        if (!documented.has(route)) return t.skip('not in the OpenAPI document (reported above)');
        const failures = await check(route);
        assert.ok(failures.length === 0, `${route}:\n  ${failures.join('\n  ')}`);
      });
    }
  });
});
