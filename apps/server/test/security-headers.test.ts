import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../src/platform/config/config.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** The CSP header as a map of directive → sources. */
function directives(header: string | null): Map<string, string[]> {
  assert.ok(header, 'a Content-Security-Policy header is sent');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const page of ['/', '/login', '/demo-shop']) {
    it(`${page}: a strict CSP, no framing, no referrer, nosniff`, async () => {
      const response = await fetch(server.url + page);
      const csp = directives(response.headers.get('content-security-policy'));
      assert.deepEqual(csp.get('script-src'), ["'self'"], 'only our own script files run');
      assert.deepEqual(csp.get('default-src'), ["'self'"]);
      assert.deepEqual(csp.get('object-src'), ["'none'"]);
      assert.deepEqual(csp.get('base-uri'), ["'self'"]);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
      const host = new URL(server.url).host;
      assert.deepEqual(csp.get('connect-src'), ["'self'", `ws://${host}`, `wss://${host}`]);
      assert.ok(!csp.has('upgrade-insecure-requests'), 'plain-http installs (LAN, localhost) keep working');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'same-origin');
      await response.text();
    });
  }

  it("keeps the widget script and the widget API loadable from shops' own sites", async () => {
    for (const path of ['/widget/golddesk-widget.js', '/api/v1/widget/sessions']) {
      const response = await fetch(
        server.url + path,
        path.endsWith('.js')
          ? { headers: { origin: 'https://shop.example.com' } }
          : {
              method: 'POST',
              headers: { origin: 'https://shop.example.com', 'content-type': 'application/json' },
              body: '{"shop":"demo"}',
            },
      );
      assert.ok(response.ok, `${path}: ${response.status}`);
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
      await response.text();
    }
  });

  it('a host header that is not a plain host name adds no socket source to the CSP', async () => {
    const { request } = await import('node:http');
    const url = new URL(server.url);
    const header = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: '/', headers: { host: "evil.example'; script-src *" } },
        (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.deepEqual(directives(header).get('script-src'), ["'self'"]);
    assert.deepEqual(directives(header).get('connect-src'), ["'self'"]);
  });
});

describe('configuration errors', () => {
  it('name the variable and the rule, never the value (secrets, passwords in URLs)', () => {
    let error: unknown;
    try {
      parseConfig({
        GOLDDESK_SECRET: 'short-secret-xyz',
        DATABASE_URL: 'mysql://u:hunter2@h/db',
        REDIS_URL: 'http://:s3cret-pw@cache:6379',
        PORT: 'eighty',
      });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ConfigError);
    const text = error.lines.join('\n');
    for (const name of ['GOLDDESK_SECRET', 'DATABASE_URL', 'REDIS_URL', 'PORT'])
      assert.match(text, new RegExp(`^${name}: `, 'm'));
    for (const value of ['short-secret-xyz', 'hunter2', 's3cret-pw', 'eighty', 'mysql://'])
      assert.ok(!text.includes(value), `${value} is not echoed`);
  });
});
