import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorEnvelope, ListMessagesResponse, SendMessageResponse, UploadResponse } from '@golddesk/contracts';
import { api, loginAgent, startBuyer } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import sharp from 'sharp';

/** The parts of the OpenAPI document these checks read. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, unknown>;
}

describe('HTTP surface and bad input', () => {
  let server: TestServer;
  let agentToken: string;
  before(async () => {
    server = await startTestServer();
    agentToken = (await loginAgent(server.url)).token;
  });
  after(() => server.close());

  it('answers health and publishes an OpenAPI document listing every API route', async () => {
    assert.deepEqual((await api(server.url, 'GET', '/healthz')).body, { status: 'ok' });
    const doc = (await api<OpenApiDocument>(server.url, 'GET', '/api/v1/openapi.json')).body;
    assert.match(doc.openapi, /^3\./);
    for (const route of [
      '/api/v1/auth/login',
      '/api/v1/widget/sessions',
      '/api/v1/widget/messages',
      '/api/v1/conversations',
      '/api/v1/conversations/{id}/messages',
      '/api/v1/search/messages',
      '/api/v1/customers/{buyerId}',
    ]) {
      assert.ok(doc.paths[route], `${route} is documented`);
    }
  });

  it('refuses malformed JSON with 400 in the envelope, Chinese by default and English on request', async () => {
    const zh = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auth/login', {
      raw: '{"shop":',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(zh.status, 400);
    assert.equal(zh.body.error.code, 'invalid_json');
    assert.match(zh.body.error.message, /JSON/);
    assert.match(zh.body.error.message, /[\u4e00-\u9fff]/);
    const en = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auth/login', {
      raw: '{"shop":',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' },
    });
    assert.equal(en.body.error.message, 'The request body is not valid JSON');
  });

  it('names the wrong field when types are wrong', async () => {
    const res = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auth/login', {
      body: { shop: 'demo', username: 42, password: 'x' },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_input');
    assert.match(res.body.error.message, /username/);
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts:\d+/, 'no stack trace');
  });

  it('refuses empty and 200,000-character messages and keeps nothing of them', async () => {
    const buyer = await startBuyer(server.url);
    const empty = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: '   ', clientMsgId: 'e1' },
    });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'empty_message');
    const huge = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: '好'.repeat(200_000), clientMsgId: 'h1' },
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error.code, 'message_too_long');
    const bigger = await api(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: 'x'.repeat(2_000_000), clientMsgId: 'h2' },
    });
    assert.equal(bigger.status, 413);
    const history = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
      token: buyer.token,
    });
    assert.deepEqual(history.body.messages, []);
  });

  it('answers 401 without a token or with a forged one, 403 for a buyer token on agent routes', async () => {
    assert.equal((await api(server.url, 'GET', '/api/v1/conversations')).status, 401);
    const [header, payload] = agentToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const res = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/conversations', { token: forged });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'invalid_token');
    const buyer = await startBuyer(server.url);
    const asBuyer = await api(server.url, 'GET', '/api/v1/conversations', { token: buyer.token });
    assert.equal(asBuyer.status, 403);
    const readOther = await api(server.url, 'GET', `/api/v1/conversations/${buyer.conversation.id}/messages`, {
      token: buyer.token,
    });
    assert.equal(readOther.status, 403);
    const agentOnWidget = await api(server.url, 'POST', '/api/v1/widget/messages', {
      token: agentToken,
      body: { body: 'hi', clientMsgId: 'a' },
    });
    assert.equal(agentOnWidget.status, 403);
  });

  it('answers unknown routes and unknown ids with 404', async () => {
    const res = await api(server.url, 'GET', '/api/v1/nothing-here', { token: agentToken });
    assert.equal(res.status, 404);
    const conv = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/conversations/does-not-exist/messages', {
      token: agentToken,
    });
    assert.equal(conv.status, 404);
    assert.equal(conv.body.error.code, 'not_found');
  });

  it('accepts only real images as uploads and serves them back', async () => {
    const buyer = await startBuyer(server.url);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000185d3b0b00000000049454e44ae426082',
      'hex',
    );
    const upload = await api<UploadResponse>(server.url, 'POST', '/api/v1/widget/uploads', {
      token: buyer.token,
      raw: png,
      headers: { 'content-type': 'image/png' },
    });
    assert.equal(upload.status, 201);
    const image = await fetch(server.url + upload.body.attachment.url);
    assert.equal(image.headers.get('content-type'), 'image/png');
    // Stored re-encoded without metadata: the same picture, not the same bytes.
    const served = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    assert.deepEqual([served.format, served.width, served.height], ['png', 1, 1]);
    const sent = await api<SendMessageResponse>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { kind: 'image', attachmentId: upload.body.attachment.id, clientMsgId: 'img1' },
    });
    assert.equal(sent.body.message.kind, 'image');
    assert.equal(sent.body.message.attachment?.url, upload.body.attachment.url);
    const fake = await api(server.url, 'POST', '/api/v1/widget/uploads', {
      token: buyer.token,
      raw: Buffer.from('<svg onload=alert(1)>'),
      headers: { 'content-type': 'image/png' },
    });
    assert.equal(fake.status, 415);
  });
});
