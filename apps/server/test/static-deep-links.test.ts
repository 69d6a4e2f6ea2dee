import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WORKBENCH_DIST } from '../src/platform/http/static-files.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** GET without following redirects: the status, the content type and the body as text. */
async function get(base: string, pathname: string) {
  const response = await fetch(new URL(pathname, base), { redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe("the workbench's addresses: deep links load the app, other paths are not swallowed", () => {
  let server: TestServer;
  before(async () => {
    assert.ok(fs.existsSync(path.join(WORKBENCH_DIST, 'index.html')), 'run "npm run build" first');
    server = await startTestServer();
  });
  after(() => server.close());

  it('a link to a conversation, customer, order, case, page tab or an unknown page gets the workbench', async () => {
    const index = fs.readFileSync(path.join(WORKBENCH_DIST, 'index.html'), 'utf8');
    const id = '0190a5c2-7b1e-7c3d-9f00-0123456789ab';
    for (const pathname of [
      `/conversations/${id}`,
      `/customers/${id}`,
      `/orders/${id}`,
      `/cases/${id}`,
      '/cases',
      '/team/roles',
      '/settings/business-hours',
      '/no-such-page',
      `/conversations/${id}?from=colleague`,
    ]) {
      const answer = await get(server.url, pathname);
      assert.equal(answer.status, 200, pathname);
      assert.match(answer.type, /^text\/html/, pathname);
      assert.equal(answer.text, index, `${pathname} is the workbench's index.html`);
    }
  });

  it('the API, the widget, the demo shop, health checks and missing files keep their own answers', async () => {
    const health = await get(server.url, '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.text), { status: 'ok' });
    const demoShop = await get(server.url, '/demo-shop');
    assert.equal(demoShop.status, 200);
    assert.doesNotMatch(demoShop.text, /id="root"/, "the demo shop's page, not the workbench");
    for (const pathname of [
      '/api',
      '/api/v1',
      '/api/v1/no-such-route',
      '/widget',
      '/widget/no-such-file',
      '/demo-shop/anything',
      '/assets/no-such-chunk.js',
      '/cases/favicon.ico',
    ]) {
      const answer = await get(server.url, pathname);
      assert.equal(answer.status, 404, pathname);
      assert.doesNotMatch(answer.text, /<div id="root">/, `${pathname} is not the workbench`);
    }
    const signedOut = await get(server.url, '/api/v1/conversations');
    assert.equal(signedOut.status, 401, 'an API route still asks for a token');
  });
});
