// NUL and other control characters in text: refused with a clear 400 (HTTP and WebSocket alike), or stripped from
// imported cells with the row kept. PostgreSQL refuses NUL in text, so without this the same input was a 500 there.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ErrorEnvelope,
  ImportResponse,
  ImportView,
  ListQuickRepliesResponse,
  QuickReplyImportResult,
  SendMessageResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { findControlText, stripControlText } from '../src/platform/text/control-text.js';
import { api, loginAgent, startBuyer, StreamClient } from './helpers/clients.js';
import { allCustomers } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('control characters in text input', () => {
  let server: TestServer;
  let owner: { token: string };
  let presale: { token: string };
  let buyer: Awaited<ReturnType<typeof startBuyer>>;

  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    buyer = await startBuyer(server.url);
  });
  after(() => server.close());

  const db = () => server.app.context.storage.db;
  // why: a refused text must be stored in no chat at all, which no single API can tell.
  const messagesWith = async (text: string) =>
    (await db().selectFrom('messages').select('id').where('body', 'like', `%${text}%`).execute()).length;

  it('finds the field holding a control character, and strips them from cells (pure)', () => {
    assert.equal(findControlText({ items: [{ name: 'ok' }, { name: 'a\u0000b' }] }, 'body'), 'body.items[1].name');
    assert.equal(findControlText({ ['k\u0007']: 1 }, 'body'), 'body');
    assert.equal(
      findControlText({ text: 'tab\tnew\nline\r\n 中文 😀' }, 'body'),
      undefined,
      'tab, line breaks and emoji are text',
    );
    assert.equal(findControlText({ text: 'lone \ud800 surrogate' }, 'body'), 'body.text');
    assert.equal(findControlText('a\u007f', 'query'), 'query');
    let deep: unknown = 'x\u0001';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.ok(findControlText(deep, 'body')!.startsWith('body[0][0]'), 'deep nesting does not overflow the stack');
    assert.equal(stripControlText('订\u0000单\u0007号\u001b\t ok\n'), '订单号\t ok\n');
  });

  it('search with q=%00abc is a 400 naming the field, not a 500', async () => {
    const res = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/search/messages?q=%00abc', { token: presale.token });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_text');
    assert.equal(res.body.error.message, 'query.q 含有不可见的控制字符，请删除后重试');
    const english = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/search/messages?q=ab%07c', {
      token: presale.token,
      headers: { 'accept-language': 'en' },
    });
    assert.equal(english.body.error.message, 'query.q contains control characters; remove them and try again');
    assert.equal((await api(server.url, 'GET', '/api/v1/search/messages?q=abc', { token: presale.token })).status, 200);
  });

  it('refuses buyer and agent message bodies with NUL, storing nothing', async () => {
    const fromBuyer = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: '在吗\u0000hygiene-buyer', clientMsgId: randomUUID() },
    });
    assert.equal(fromBuyer.status, 400);
    assert.equal(fromBuyer.body.error.code, 'invalid_text');
    assert.match(fromBuyer.body.error.message, /body\.body/);
    const fromAgent = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/messages`, {
      token: presale.token,
      body: { body: '亲\u0000hygiene-agent', clientMsgId: randomUUID() },
    });
    assert.equal(fromAgent.status, 400);
    assert.equal(fromAgent.body.error.code, 'invalid_text');
    assert.equal(await messagesWith('hygiene-'), 0);
    // Line breaks and tabs stay ordinary text.
    const fine = await api<SendMessageResponse>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: '第一行\n\t第二行 hygiene-fine', clientMsgId: randomUUID() },
    });
    assert.ok(fine.status < 300);
    assert.equal(fine.body.message.body, '第一行\n\t第二行 hygiene-fine');
  });

  it('refuses a widget session whose nick holds a BEL, and path parameters with NUL', async () => {
    const res = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/sessions', {
      body: { shop: 'demo', nick: '小\u0007鹿' },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_text');
    assert.match(res.body.error.message, /body\.nick/);
    const path = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/conversations/%00x/messages?afterSeq=0', {
      token: presale.token,
    });
    assert.equal(path.status, 400);
    assert.equal(path.body.error.code, 'invalid_text');
  });

  it('refuses the same over the WebSocket: message.send with NUL gets an error frame and nothing is stored', async () => {
    const buyerStream = await StreamClient.connect(server.url, buyer.token);
    const agentStream = await StreamClient.connect(server.url, presale.token);
    try {
      const buyerMsgId = randomUUID();
      buyerStream.send({
        type: 'message.send',
        conversationId: buyer.conversation.id,
        clientMsgId: buyerMsgId,
        body: 'ws\u0000hygiene-ws-buyer',
      });
      const rejected = await buyerStream.nextOfType('message.rejected', (f) => f.clientMsgId === buyerMsgId);
      assert.equal(rejected.error.code, 'invalid_text');
      assert.match(rejected.error.message, /frame\.body/);
      const agentMsgId = randomUUID();
      agentStream.send({
        type: 'message.send',
        conversationId: buyer.conversation.id,
        clientMsgId: agentMsgId,
        body: 'ws\u0008hygiene-ws-agent',
      });
      assert.equal(
        (await agentStream.nextOfType('message.rejected', (f) => f.clientMsgId === agentMsgId)).error.code,
        'invalid_text',
      );
      // The socket still works, and the next clean message is stored.
      const okId = randomUUID();
      buyerStream.send({
        type: 'message.send',
        conversationId: buyer.conversation.id,
        clientMsgId: okId,
        body: 'hygiene-ws-clean',
      });
      await buyerStream.nextOfType('message.ack', (f) => f.clientMsgId === okId);
      assert.equal(await messagesWith('hygiene-ws-'), 1);
    } finally {
      await buyerStream.close();
      await agentStream.close();
    }
  });

  it('imports a row with NUL and other control characters in its cells, the characters stripped', async () => {
    // A stray NUL in a CSV cell (as some exports leave them); the file is still text.
    const csv = Buffer.from('分组,快捷编码,内容\n售前,hyg\u0000iene,亲\u0000，在\u0007的～\n', 'utf8');
    const res = await api<QuickReplyImportResult>(server.url, 'POST', '/api/v1/quick-replies/import?scope=personal', {
      token: presale.token,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.created, res.body.failed], [1, 0]);
    const phrases = (
      await api<z.infer<typeof ListQuickRepliesResponse>>(server.url, 'GET', '/api/v1/quick-replies?scope=personal', {
        token: presale.token,
      })
    ).body.quickReplies;
    const phrase = phrases.find((p) => p.code === 'hygiene');
    assert.deepEqual({ code: phrase?.code, content: phrase?.content }, { code: 'hygiene', content: '亲，在的～' });

    const orders = Buffer.from(
      '订单号,买家昵称,订单状态,商品名称,单价,数量,实付金额,下单时间\nHYG1,导入\u0000买家,待付款,净化\u0001测试,10.00,1,10.00,2026-11-11 10:00:00\n',
      'utf8',
    );
    const started = await api<ImportResponse>(server.url, 'POST', '/api/v1/imports?kind=orders', {
      token: owner.token,
      raw: orders,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(started.status, 202);
    let result: ImportView | undefined;
    for (let i = 0; i < 100 && result?.status !== 'done'; i++) {
      result = (await api<ImportResponse>(server.url, 'GET', `/api/v1/imports/${started.body.import.id}`, { token: owner.token }))
        .body.import;
      if (result.status === 'running') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual([result?.status, result?.imported, result?.failed, result?.errors], ['done', 1, 0, []]);
    const buyers = await allCustomers(server.url, owner.token, `q=${encodeURIComponent('导入买家')}`);
    assert.ok(
      buyers.some((b) => b.nick === '导入买家'),
      'the buyer is stored without the NUL',
    );
  });
});
