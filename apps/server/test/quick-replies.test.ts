import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type {
  AuditEntry,
  ErrorEnvelope,
  ListAuditResponse,
  ListQuickRepliesResponse,
  QuickReplyImportResult,
  QuickReplyPreview,
  QuickReplyPreviewResponse,
  QuickReplyResponse,
  QuickReplyVariables,
  QuickReplyView,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, startBuyer, type JsonResponse } from './helpers/clients.js';
import { conversationsOf, customerProfile } from './helpers/lookups.js';
import { addOtherShop } from './helpers/other-shop.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Agent = { token: string; agent: { id: string; name: string } };

describe('quick replies (快捷短语)', () => {
  let server: TestServer;
  let owner: Agent;
  let presale: Agent;
  let aftersale: Agent;
  let other: { shopId: string; owner: { token: string } };

  const list = (token: string, query = '') =>
    api<z.infer<typeof ListQuickRepliesResponse>>(server.url, 'GET', `/api/v1/quick-replies${query}`, { token });
  const codesOf = (res: JsonResponse<{ quickReplies: QuickReplyView[] }>) => res.body.quickReplies.map((p) => p.code);
  const byCode = async (token: string, code: string) =>
    (await list(token)).body.quickReplies.find((p: QuickReplyView) => p.code === code);
  const upload = <T = QuickReplyImportResult>(token: string, body: Buffer | string, scope = 'team', type = 'text/csv') =>
    api<T>(server.url, 'POST', `/api/v1/quick-replies/import?scope=${scope}`, {
      token,
      raw: body,
      headers: { 'content-type': type },
    });
  const download = async (token: string, format: string, scope = 'team') => {
    const res = await fetch(`${server.url}/api/v1/quick-replies/export?format=${format}&scope=${scope}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  /** How many team phrases the agent's shop has, as its 快捷短语 list shows them. */
  const teamCount = async (token = owner.token) => (await list(token, '?scope=team')).body.quickReplies.length;

  /** The order a phrase should cite for a buyer: the newest unpaid/paid/shipped one (the profile lists newest first). */
  const newestOpenOrder = async (buyerId: string) =>
    (await customerProfile(server.url, owner.token, buyerId)).orders.find((order) =>
      ['pending_payment', 'paid', 'shipped'].includes(order.status),
    );

  /** A demo chat whose buyer's newest open order has shipped (which buyer depends on the seed, so it is looked up). */
  async function shippedBuyer() {
    for (const chat of await conversationsOf(server.url, owner.token)) {
      const order = await newestOpenOrder(chat.buyer.id);
      if (order?.status === 'shipped') return { conversationId: chat.id, buyerId: chat.buyer.id, nick: chat.buyer.nick, order };
    }
    throw new Error('no demo chat with a shipped order');
  }

  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    aftersale = await loginAgent(server.url, 'aftersale1');
    other = await addOtherShop(server);
  });
  after(() => server.close());

  it("shows the demo team phrases in groups plus only the caller's own personal phrase", async () => {
    const mine = await list(presale.token);
    assert.equal(mine.status, 200);
    const team = mine.body.quickReplies.filter((p: QuickReplyView) => p.scope === 'team');
    assert.ok(team.length >= 20);
    assert.ok(['发货', '尺码', '包邮', '快递', '催付'].every((code) => codesOf(mine).includes(code)));
    assert.ok(
      team.every((p: QuickReplyView) => p.editable === false),
      'a pre-sales agent reads team phrases only',
    );
    const personal = mine.body.quickReplies.filter((p: QuickReplyView) => p.scope === 'personal');
    assert.deepEqual(
      personal.map((p: QuickReplyView) => [p.code, p.editable]),
      [['推荐', true]],
    );
    assert.ok(!codesOf(await list(aftersale.token)).includes('推荐'), 'another agent never sees it');
    assert.ok(
      (await list(owner.token)).body.quickReplies
        .filter((p: QuickReplyView) => p.scope === 'team')
        .every((p: QuickReplyView) => p.editable),
    );
  });

  it('lets the owner keep team phrases and any agent keep personal ones, with unique codes per scope', async () => {
    const teamPhrase = { scope: 'team', group: '售前', code: '尺码表', content: '亲，尺码表在详情页第三张图哦～' };
    assert.equal(
      (await api(server.url, 'POST', '/api/v1/quick-replies', { token: presale.token, body: teamPhrase })).status,
      403,
    );
    const created = await api<z.infer<typeof QuickReplyResponse>>(server.url, 'POST', '/api/v1/quick-replies', {
      token: owner.token,
      body: teamPhrase,
    });
    assert.equal(created.status, 200);
    const again = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/quick-replies', { token: owner.token, body: teamPhrase });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /快捷编码「尺码表」已被使用/);
    // The same code is free in the agent's personal scope.
    const personal = await api<z.infer<typeof QuickReplyResponse>>(server.url, 'POST', '/api/v1/quick-replies', {
      token: presale.token,
      body: { ...teamPhrase, scope: 'personal' },
    });
    assert.equal(personal.status, 200);
    const id = personal.body.quickReply.id;
    assert.equal(
      (await api(server.url, 'PATCH', `/api/v1/quick-replies/${id}`, { token: aftersale.token, body: { content: '改' } })).status,
      404,
    );
    assert.equal(
      (
        await api(server.url, 'PATCH', `/api/v1/quick-replies/${created.body.quickReply.id}`, {
          token: presale.token,
          body: { content: '改' },
        })
      ).status,
      403,
    );
    const edited = await api<z.infer<typeof QuickReplyResponse>>(server.url, 'PATCH', `/api/v1/quick-replies/${id}`, {
      token: presale.token,
      body: { content: '亲，我的尺码表～', group: '我的' },
    });
    assert.equal(edited.body.quickReply.content, '亲，我的尺码表～');
    assert.equal(
      (
        await api(server.url, 'POST', '/api/v1/quick-replies', {
          token: presale.token,
          body: { scope: 'personal', code: 'x'.repeat(21), content: '亲' },
        })
      ).status,
      400,
    );
    assert.equal(
      (
        await api(server.url, 'POST', '/api/v1/quick-replies', {
          token: presale.token,
          body: { scope: 'personal', content: '亲'.repeat(1001) },
        })
      ).status,
      400,
    );
    assert.equal(
      (
        await api(server.url, 'POST', '/api/v1/quick-replies', {
          token: presale.token,
          body: { scope: 'personal', content: '  ' },
        })
      ).status,
      400,
    );
    assert.equal((await api(server.url, 'DELETE', `/api/v1/quick-replies/${id}`, { token: presale.token })).status, 200);
    assert.equal(
      (await api(server.url, 'DELETE', `/api/v1/quick-replies/${created.body.quickReply.id}`, { token: owner.token })).status,
      200,
    );
    const audit = await api<z.infer<typeof ListAuditResponse>>(
      server.url,
      'GET',
      `/api/v1/audit?targetType=quick_reply&targetId=${created.body.quickReply.id}`,
      {
        token: owner.token,
      },
    );
    assert.deepEqual(audit.body.entries.map((e: AuditEntry) => e.action).sort(), ['quick_reply.created', 'quick_reply.deleted']);
  });

  it("ranks by the caller's own uses first, then the team's, and searches codes before words", async () => {
    const baoyou = (await byCode(presale.token, '包邮'))!;
    const kuaidi = (await byCode(presale.token, '快递'))!;
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await api(server.url, 'POST', `/api/v1/quick-replies/${baoyou.id}/used`, { token: presale.token })).status,
        200,
      );
    assert.equal(codesOf(await list(presale.token))[0], '包邮');
    // aftersale1 never used it, but the team did.
    assert.equal(codesOf(await list(aftersale.token))[0], '包邮');
    for (let i = 0; i < 5; i++)
      await api(server.url, 'POST', `/api/v1/quick-replies/${kuaidi.id}/used`, { token: aftersale.token });
    assert.equal(codesOf(await list(aftersale.token))[0], '快递');
    const presaleView = await list(presale.token);
    assert.equal(codesOf(presaleView)[0], '包邮', "my own 3 uses beat the team's 5 on another phrase");
    assert.deepEqual([presaleView.body.quickReplies[0]?.myUses, presaleView.body.quickReplies[1]?.teamUses], [3, 5]);

    const search = codesOf(await list(presale.token, `?q=${encodeURIComponent('发货')}`));
    assert.deepEqual(search.slice(0, 2), ['发货', '发货时间'], 'exact code, then a code that starts with it');
    assert.ok(search.includes('今天发') && !search.includes('尺码'), 'then phrases whose words match');
    assert.deepEqual(codesOf(await list(presale.token, `?q=${encodeURIComponent('七天 无理由')}`)), []);
    assert.deepEqual(codesOf(await list(presale.token, `?q=${encodeURIComponent('7 天内 无理由')}`)), ['退换']);
  });

  it("fills the variables from the buyer's newest open order, its logistics and the agent", async () => {
    const { conversationId, order, nick } = await shippedBuyer();
    const fahuo = (await byCode(presale.token, '发货'))!;
    const res = await api<z.infer<typeof QuickReplyPreviewResponse>>(
      server.url,
      'GET',
      `/api/v1/quick-replies/${fahuo.id}/preview?conversationId=${conversationId}`,
      {
        token: presale.token,
      },
    );
    assert.equal(res.status, 200);
    assert.equal(
      res.body.preview.text,
      `亲，您的订单 ${order.orderNo} 已由 ${order.carrier} 发出，运单号 ${order.trackingNo}，请注意查收哦～`,
    );
    assert.deepEqual(res.body.preview.missing, []);

    const vars = await api<QuickReplyVariables>(
      server.url,
      'GET',
      `/api/v1/quick-replies/variables?conversationId=${conversationId}`,
      {
        token: presale.token,
      },
    );
    assert.equal(vars.body.values.买家昵称, nick);
    assert.equal(vars.body.values.客服昵称, presale.agent.name);
    assert.equal(vars.body.values.付款金额, (order.totalFen / 100).toFixed(2));
    assert.equal(vars.body.values.店铺名, '小美家 · 美妆服饰');
    assert.equal(vars.body.orderId, order.id);
    assert.ok(vars.body.values.商品名?.startsWith(order.items[0]!.title));
    assert.ok(vars.body.values.店铺活动 || vars.body.missing.店铺活动, '{店铺活动} is filled or reported');

    const render = await api<z.infer<typeof QuickReplyPreviewResponse>>(server.url, 'POST', '/api/v1/quick-replies/render', {
      token: presale.token,
      body: { conversationId, content: '{买家昵称}您好，我是{客服昵称}，{不存在}' },
    });
    assert.equal(render.body.preview.text, `${nick}您好，我是${presale.agent.name}，{不存在}`);
    assert.deepEqual(render.body.preview.unknown, ['不存在']);
  });

  it('reports variables it cannot fill instead of dropping them', async () => {
    const fresh = await startBuyer(server.url); // a new visitor: no orders at all
    const fahuo = (await byCode(presale.token, '发货'))!;
    const res = await api<z.infer<typeof QuickReplyPreviewResponse>>(
      server.url,
      'GET',
      `/api/v1/quick-replies/${fahuo.id}/preview?conversationId=${fresh.conversation.id}`,
      { token: presale.token },
    );
    assert.equal(res.body.preview.text, fahuo.content, 'the placeholders stay so the agent sees what is missing');
    assert.deepEqual(
      res.body.preview.missing.map((m: QuickReplyPreview['missing'][number]) => m.name),
      ['订单号', '物流公司', '物流单号'],
    );
    assert.match(res.body.preview.missing[0]!.reason, /没有可用的订单号/);
    const english = await api<z.infer<typeof QuickReplyPreviewResponse>>(
      server.url,
      'GET',
      `/api/v1/quick-replies/${fahuo.id}/preview?conversationId=${fresh.conversation.id}`,
      {
        token: presale.token,
        headers: { 'accept-language': 'en' },
      },
    );
    assert.match(english.body.preview.missing[0]!.reason, /No order number/);

    // A paid, not yet shipped order: the order number is there, the logistics are not.
    let checked = false;
    for (const chat of await conversationsOf(server.url, owner.token)) {
      const newest = await newestOpenOrder(chat.buyer.id);
      if (newest?.status !== 'paid') continue;
      const vars = await api<QuickReplyVariables>(
        server.url,
        'GET',
        `/api/v1/quick-replies/variables?conversationId=${chat.id}`,
        {
          token: presale.token,
        },
      );
      assert.equal(vars.body.values.订单号, newest.orderNo);
      assert.match(vars.body.missing.物流单号 ?? '', new RegExp(`${newest.orderNo} 还未发货`));
      checked = true;
      break;
    }
    assert.ok(checked, 'the demo shop has a chat whose newest order is paid');
  });

  it('imports a 1,000-row xlsx with 2 broken rows: keeps 998 and reports the 2 by line', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('快捷短语');
    sheet.addRow(['分组', '快捷编码', '内容']);
    for (let i = 1; i <= 1000; i++) {
      const line = i + 1;
      sheet.addRow([
        `批量${i % 7}`,
        line === 502 ? '超长编码'.repeat(6) : `批量${i}`,
        line === 101 ? '' : `亲，这是第 ${i} 条批量短语，订单 {订单号} 已发出～`,
      ]);
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await teamCount();
    assert.equal((await upload(presale.token, bytes, 'team', XLSX)).status, 403, 'team import is for the owner and managers');
    const started = Date.now();
    const res = await upload(owner.token, bytes, 'team', XLSX);
    const ms = Date.now() - started;
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.total, res.body.created, res.body.failed], [1000, 998, 2]);
    assert.deepEqual(
      res.body.errors.map((e: QuickReplyImportResult['errors'][number]) => e.line),
      [101, 502],
    );
    assert.match(res.body.errors[0]!.message, /内容不能为空/);
    assert.match(res.body.errors[1]!.message, /快捷编码过长/);
    assert.equal(await teamCount(), before + 998);
    console.log(`  quick-reply import: 1,000 xlsx rows in ${ms} ms`);

    // The same file again changes nothing: codes match, contents are the same.
    const again = await upload(owner.token, bytes, 'team', XLSX);
    assert.deepEqual([again.body.created, again.body.updated, again.body.unchanged], [0, 0, 998]);
  });

  it('updates same-code phrases, refuses a repeated code by line, and accepts English headers', async () => {
    const csv =
      'group,code,content\n售前·包邮,包邮,亲，全店满 88 元包邮哦～\n售前,新编码,亲，第一条\n售前,新编码,亲，第二条\n售前,,亲，没有编码的短语\n';
    const res = await upload(owner.token, csv);
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.created, res.body.updated, res.body.failed], [2, 1, 1]);
    assert.deepEqual(res.body.errors, [{ line: 4, message: '快捷编码「新编码」与第 3 行重复' }]);
    assert.equal((await byCode(presale.token, '包邮'))?.content, '亲，全店满 88 元包邮哦～');
    assert.equal((await byCode(presale.token, '新编码'))?.content, '亲，第一条');
    // A personal import by a pre-sales agent lands in their own phrases only.
    const personal = await upload(presale.token, '分组,快捷编码,内容\n我的,私房,亲，这是我的私房话术\n', 'personal');
    assert.equal(personal.body.created, 1);
    assert.equal((await byCode(presale.token, '私房'))?.scope, 'personal');
    assert.equal(await byCode(aftersale.token, '私房'), undefined);
  });

  it('refuses a malformed file whole and imports nothing', async () => {
    const before = await teamCount();
    const oldExcel = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);
    assert.equal((await upload(owner.token, oldExcel, 'team', 'application/vnd.ms-excel')).status, 415);
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a workbook')]);
    const unreadable = await upload<ErrorEnvelope>(owner.token, brokenZip, 'team', XLSX);
    assert.equal(unreadable.status, 400);
    assert.equal(unreadable.body.error.code, 'import_file_unreadable');
    const noContent = await upload<ErrorEnvelope>(owner.token, '分组,快捷编码\n售前,甲\n');
    assert.equal(noContent.status, 400);
    assert.match(noContent.body.error.message, /缺少必需的列：内容/);
    assert.equal((await upload(owner.token, '')).status, 400);
    assert.equal(await teamCount(), before);
  });

  it('exports CSV and xlsx that import back identically into another shop, and never crosses shops', async () => {
    assert.equal((await list(other.owner.token)).body.quickReplies.length, 0, "the other shop sees none of demo's phrases");
    const fahuo = (await byCode(owner.token, '发货'))!;
    const { conversationId } = await shippedBuyer();
    assert.equal(
      (await api(server.url, 'PATCH', `/api/v1/quick-replies/${fahuo.id}`, { token: other.owner.token, body: { content: 'x' } }))
        .status,
      404,
    );
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/quick-replies/${fahuo.id}/used`, { token: other.owner.token })).status,
      404,
    );
    assert.equal(
      (
        await api(server.url, 'GET', `/api/v1/quick-replies/variables?conversationId=${conversationId}`, {
          token: other.owner.token,
        })
      ).status,
      404,
    );
    const otherPhrase = await api<z.infer<typeof QuickReplyResponse>>(server.url, 'POST', '/api/v1/quick-replies', {
      token: other.owner.token,
      body: { scope: 'team', code: '发货', content: '别家的发货话术' },
    });
    assert.equal(otherPhrase.status, 200, 'codes are unique per shop, not across shops');
    await api(server.url, 'DELETE', `/api/v1/quick-replies/${otherPhrase.body.quickReply.id}`, { token: other.owner.token });

    const csv = await download(owner.token, 'csv');
    assert.match(csv.type ?? '', /text\/csv/);
    assert.ok(csv.bytes.toString('utf8').startsWith('\uFEFF分组,快捷编码,内容'));
    const xlsx = await download(owner.token, 'xlsx');
    assert.equal(xlsx.type, XLSX);
    const imported = await upload(other.owner.token, xlsx.bytes, 'team', XLSX);
    assert.equal(imported.body.failed, 0);
    assert.equal(imported.body.created, await teamCount(owner.token));
    assert.equal(await teamCount(other.owner.token), await teamCount(owner.token));
    const otherCsv = await download(other.owner.token, 'csv');
    assert.equal(
      otherCsv.bytes.toString('utf8'),
      csv.bytes.toString('utf8'),
      'xlsx export → import → csv export gives the same phrases',
    );
    const reimport = await upload(other.owner.token, csv.bytes);
    assert.equal(reimport.body.unchanged, reimport.body.total, 'the CSV export imports back with nothing changed');

    const all = await download(presale.token, 'csv', 'all');
    assert.ok(all.bytes.toString('utf8').includes('亲，这是我的私房话术'), "scope=all adds the caller's personal phrases");
    assert.ok(!(await download(aftersale.token, 'csv', 'all')).bytes.toString('utf8').includes('私房话术'));
  });
});
