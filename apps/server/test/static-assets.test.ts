import assert from 'node:assert/strict';
import fs from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import type { ListConversationsResponse } from '@golddesk/contracts';
import { WIDGET_DIST, WORKBENCH_DIST } from '../src/platform/http/static-files.js';
import { api, loginAgent } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent on the wire (fetch would decode them). */
  body: Buffer;
}

/** A GET with exactly these headers (no Accept-Encoding unless given), answering the undecoded bytes. */
function rawGet(base: string, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The workbench's entry script, as index.html names it (a content-hashed file under /assets/). */
function entryScript(): string {
  const html = fs.readFileSync(path.join(WORKBENCH_DIST, 'index.html'), 'utf8');
  const src = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(src, 'index.html names its entry script');
  return src;
}

const decoders: Record<string, (body: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

describe('built assets: compressed, cached by name', () => {
  let server: TestServer;
  before(async () => {
    for (const file of [path.join(WORKBENCH_DIST, 'index.html'), path.join(WIDGET_DIST, 'golddesk-widget.js')]) {
      assert.ok(fs.existsSync(file), `${file} is missing: run "npm run build" first`);
    }
    server = await startTestServer();
  });
  after(() => server.close());

  for (const encoding of ['br', 'gzip'] as const) {
    it(`Accept-Encoding ${encoding}: the hashed entry script comes ${encoding}-encoded, smaller, the same bytes once decoded`, async () => {
      const script = entryScript();
      const raw = fs.readFileSync(path.join(WORKBENCH_DIST, script));
      const response = await rawGet(server.url, script, { 'accept-encoding': encoding });
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-encoding'], encoding);
      assert.match(String(response.headers['content-type']), /javascript/);
      assert.match(String(response.headers.vary), /accept-encoding/i, 'shared caches keep one copy per encoding');
      assert.ok(response.body.length < raw.length * 0.5, `${response.body.length} bytes on the wire for ${raw.length}`);
      assert.ok(decoders[encoding]!(response.body).equals(raw));
    });
  }

  it('a browser offering both gets brotli; one offering none gets the file as it is', async () => {
    const script = entryScript();
    const both = await rawGet(server.url, script, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(both.headers['content-encoding'], 'br');
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const plain = await rawGet(server.url, script, headers);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.equals(fs.readFileSync(path.join(WORKBENCH_DIST, script))));
    }
  });

  it('content-hashed files are cached for a year, immutable (workbench and widget)', async () => {
    const widgetAsset = fs.readdirSync(path.join(WIDGET_DIST, 'assets')).find((file) => file.endsWith('.js'));
    assert.ok(widgetAsset);
    for (const pathname of [entryScript(), `/widget/assets/${widgetAsset}`]) {
      for (const encoding of ['br', 'identity']) {
        const response = await rawGet(server.url, pathname, { 'accept-encoding': encoding });
        assert.equal(response.status, 200, pathname);
        assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', `${pathname} (${encoding})`);
      }
    }
  });

  it('pages revalidate every time (no-cache + ETag → 304) and come compressed', async () => {
    for (const pathname of ['/', '/login', '/index.html', '/demo-shop']) {
      const response = await rawGet(server.url, pathname, { 'accept-encoding': 'br' });
      assert.equal(response.status, 200, pathname);
      assert.equal(response.headers['cache-control'], 'no-cache', pathname);
      assert.equal(response.headers['content-encoding'], 'br', pathname);
      assert.match(String(response.headers['content-type']), /^text\/html/, pathname);
      assert.match(zlib.brotliDecompressSync(response.body).toString('utf8'), /<!doctype html>/i, pathname);
      const etag = String(response.headers.etag ?? '');
      assert.ok(etag, `${pathname} has an ETag`);
      const again = await rawGet(server.url, pathname, { 'accept-encoding': 'br', 'if-none-match': etag });
      assert.equal(again.status, 304, `${pathname} revalidates`);
      // The CSP still covers every page (security-headers.test.ts checks its content).
      assert.ok(response.headers['content-security-policy'], pathname);
    }
  });

  it('the widget entry shops embed keeps its URL fresh (no-cache), compressed, loadable cross-origin', async () => {
    const raw = fs.readFileSync(path.join(WIDGET_DIST, 'golddesk-widget.js'));
    const response = await rawGet(server.url, '/widget/golddesk-widget.js', {
      'accept-encoding': 'gzip',
      origin: 'https://shop.example.com',
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.equal(response.headers['content-encoding'], 'gzip');
    assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.ok(zlib.gunzipSync(response.body).equals(raw));
    assert.ok(response.headers.etag);
  });

  it('the .br and .gz siblings are not files of their own', async () => {
    const script = entryScript();
    for (const pathname of [`${script}.br`, `${script}.gz`, '/index.html.br', '/widget/golddesk-widget.js.gz']) {
      const response = await rawGet(server.url, pathname, { 'accept-encoding': 'br' });
      assert.equal(response.status, 404, pathname);
    }
  });

  it('the login page loads ≤ 300 KB of script and style (brotli), without the workbench, admin pages or echarts', async () => {
    const html = fs.readFileSync(path.join(WORKBENCH_DIST, 'index.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    assert.ok(files.length > 0);
    for (const file of files) {
      assert.doesNotMatch(
        file,
        /\/(WorkbenchPage|CustomersPage|CataloguePage|LogisticsPage|AutomationPage|ImportPage|TeamPage|SettingsPage|echarts)-/,
        `${file} is not part of the login page`,
      );
    }
    const bytes = files.reduce((sum, file) => {
      const built = path.join(WORKBENCH_DIST, file);
      return sum + fs.statSync(fs.existsSync(`${built}.br`) ? `${built}.br` : built).size;
    }, 0);
    assert.ok(bytes <= 300 * 1024, `the login page loads ${Math.round(bytes / 1024)} KB`);
  });

  it('JSON answers: large ones compressed, small ones (a sent message) as they are', async () => {
    const large = await rawGet(server.url, '/api/v1/openapi.json', { 'accept-encoding': 'br' });
    assert.equal(large.status, 200);
    assert.equal(large.headers['content-encoding'], 'br');
    assert.ok(JSON.parse(zlib.brotliDecompressSync(large.body).toString('utf8')).openapi);

    const small = await rawGet(server.url, '/healthz', { 'accept-encoding': 'br, gzip' });
    assert.equal(small.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(small.body.toString('utf8')), { status: 'ok' });

    const { token } = await loginAgent(server.url);
    const list = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations', { token });
    const conversationId = list.body.conversations[0]!.id;
    const sent = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ body: '您好，在的', clientMsgId: 'static-assets-1' }),
    });
    assert.ok(sent.ok, String(sent.status));
    assert.equal(sent.headers.get('content-encoding'), null, 'the hot path answers without zlib');
    assert.equal((await sent.json()).message.body, '您好，在的');
  });
});
