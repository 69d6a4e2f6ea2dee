// Issue #8, items 6 and 11 (photos): buyer input cannot make the server do unbounded work — keyword matching is
// linear, buyers and addresses have message / frame / upload budgets, the public catalogue comes in pages — and
// uploaded photos are stored without their EXIF (GPS), XMP or comments.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ErrorEnvelope,
  ListCatalogueResponse,
  ListMessagesResponse,
  ListProductsResponse,
  UploadResponse,
} from '@golddesk/contracts';
import sharp from 'sharp';
import type { z } from 'zod';
import { findKeywordRule } from '../src/modules/auto-replies/index.js';
import type { AutoReplyRow } from '../src/modules/auto-replies/auto-reply.repository.js';
import {
  agentSays,
  api,
  buyerSays,
  loginAgent,
  startBuyer,
  StreamClient,
  type FrameOf,
  type JsonResponse,
} from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const SLOW_DOWN = '发送太频繁，请稍后再试';

function keywordRule(id: number, keywords: string[], match: 'contains' | 'exact'): AutoReplyRow {
  return { id: `r${id}`, kind: 'keyword', keywords_json: JSON.stringify(keywords), match_mode: match } as unknown as AutoReplyRow;
}

/** Milliseconds `work` takes `times` times, best of three runs; Infinity once a run goes past `budgetMs`. */
function timeOf(work: () => void, times: number, budgetMs = Number.POSITIVE_INFINITY): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (let i = 0; i < times && performance.now() - started <= budgetMs; i++) work();
    const took = performance.now() - started;
    best = Math.min(best, took > budgetMs ? Number.POSITIVE_INFINITY : took);
  }
  return best;
}

/** Matching a message against the rules may take at most this many times one linear pass over it. */
const LINEAR_FACTOR = 50;

/**
 * How many times longer matching `message` takes than one plain linear pass over it (normalise + lower-case),
 * measured on the same input. Linear matching stays a small constant whatever the length; quadratic work on a
 * 5,000-character message is thousands of times slower, and is cut off at LINEAR_FACTOR (→ Infinity).
 */
function costOverLinear(rules: AutoReplyRow[], message: string): number {
  const pass = () => message.normalize('NFKC').toLowerCase();
  let times = 1;
  while (timeOf(pass, times) < 20) times *= 2;
  const linear = timeOf(pass, times);
  return timeOf(() => findKeywordRule(rules, message), times, linear * LINEAR_FACTOR) / linear;
}

describe('keyword matching is linear in the message length', () => {
  // Exact and contains rules, none matching: every message is compared with all of them.
  const rules = [
    keywordRule(1, ['在吗', '好的'], 'exact'),
    keywordRule(2, ['发票', '开票', 'vip'], 'contains'),
    keywordRule(3, ['亲'], 'exact'),
  ];

  it('keeps contains / exact, case, width and trailing-punctuation behaviour', () => {
    const here = keywordRule(1, ['在吗'], 'exact');
    const vip = keywordRule(2, ['VIP'], 'contains');
    assert.equal(findKeywordRule([here, vip], '在吗？？~'), here);
    assert.equal(findKeywordRule([here, vip], '  在吗 ！ '), here);
    assert.equal(findKeywordRule([here, vip], '请问在吗'), undefined, 'exact means the whole message');
    assert.equal(findKeywordRule([here, vip], '我是ｖｉｐ会员'), vip, 'full-width, any case');
    assert.equal(findKeywordRule([here, vip], ',,,,,'), undefined);
  });

  it('a 5,000-comma message and a 20,000-character punctuation message cost linear time', () => {
    const tail = '，。！？~～ ,.!?'.repeat(2_000);
    for (const [name, message] of [
      ['5,000 commas', `a${','.repeat(5_000)}b`],
      ['20,000 punctuation marks', `${tail}x`],
      ['…at the end', `好的${tail}`],
    ]) {
      const cost = costOverLinear(rules, message!);
      // The old trailing-punctuation regex retried from every position of the run: ~70 ms per keyword for 5,000 commas.
      assert.ok(cost < LINEAR_FACTOR, `${name}: matching took ${cost.toFixed(1)}× a linear pass`);
    }
    assert.equal(findKeywordRule(rules, `好的${tail}`)?.id, 'r1', 'trailing punctuation is still ignored');
  });
});

describe('buyer limits', () => {
  let server: TestServer;
  let clock = Date.parse('2026-03-02T10:00:10Z');
  let agent: { token: string };
  before(async () => {
    server = await startTestServer({
      now: () => new Date(clock),
      // '' is the documented default; the quota is small so a few images reach it.
      env: {
        BUYER_MESSAGES_PER_MINUTE: '',
        ADDRESS_MESSAGES_PER_MINUTE: '',
        BUYER_UPLOADS_PER_HOUR: '',
        ADDRESS_UPLOADS_PER_HOUR: '',
        BUYER_STREAM_FRAMES_PER_10S: '',
        PUBLIC_READS_PER_MINUTE: '40',
        BUYER_UPLOAD_QUOTA_MB: '0.01',
      },
    });
    agent = await loginAgent(server.url);
  });
  after(() => server.close());

  const history = async (token: string) =>
    (await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0&limit=200', { token })).body
      .messages as { body: string }[];

  it('the 31st message in a minute from one buyer gets 429 and is not stored; another buyer is unaffected', async () => {
    const buyer = await startBuyer(server.url);
    for (let i = 1; i <= 30; i++) assert.equal((await buyerSays(server.url, buyer.token, `第${i}条`)).status, 201);
    const refused = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: '第31条', clientMsgId: randomUUID() },
    });
    assert.equal(refused.status, 429);
    assert.deepEqual(refused.body.error, { code: 'too_many_messages', message: SLOW_DOWN });
    const english = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/messages', {
      token: buyer.token,
      body: { body: 'hi', clientMsgId: randomUUID() },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(english.body.error.message, 'You are sending too fast; please wait a moment and try again');
    assert.equal((await history(buyer.token)).length, 30, 'nothing stored past the limit');

    const other = await startBuyer(server.url);
    assert.equal((await buyerSays(server.url, other.token, '我也想问')).status, 201);

    clock += 2 * 60_000; // a quiet couple of minutes later the budget is back
    assert.equal((await buyerSays(server.url, buyer.token, '现在可以了吗')).status, 201);
  });

  it('over the WebSocket the 31st message.send is rejected with the same code and message', async () => {
    const buyer = await startBuyer(server.url);
    const stream = await StreamClient.connect(server.url, buyer.token);
    for (let i = 1; i <= 31; i++) stream.send({ type: 'message.send', clientMsgId: `ws-${i}`, body: `第${i}条` });
    const rejected = await stream.next((f) => f.type === 'message.rejected');
    assert.equal(rejected.clientMsgId, 'ws-31');
    assert.deepEqual(rejected.error, { code: 'too_many_messages', message: SLOW_DOWN });
    await stream.next((f) => f.type === 'message.ack' && f.clientMsgId === 'ws-30');
    assert.equal(stream.frames.filter((f) => f.type === 'message.ack').length, 30);
    assert.equal((await history(buyer.token)).length, 30);
    // HTTP and the socket share one budget.
    assert.equal((await buyerSays(server.url, buyer.token, '换个方式发')).status, 429);
    await stream.close();
  });

  it('alternating typing on/off reaches the agent as at most one signal a second, and a frame flood closes the socket (4429)', async () => {
    const buyer = await startBuyer(server.url);
    const agentStream = await StreamClient.connect(server.url, agent.token);
    const buyerStream = await StreamClient.connect(server.url, buyer.token);
    const conversationId = buyer.conversation.id;
    for (let i = 0; i < 40; i++) buyerStream.send({ type: 'typing', conversationId, typing: i % 2 === 0 });
    // The last value (stopped) is what the agent is left with.
    await agentStream.next(
      (f) => f.type === 'conversation.typing_changed' && f.conversationId === conversationId && !f.typing,
      5000,
    );
    // A message after the burst arrives after every typing signal the burst caused.
    assert.equal((await buyerSays(server.url, buyer.token, '打完了')).status, 201);
    await agentStream.next((f) => f.type === 'message.created' && f.message.conversationId === conversationId);
    const signals = agentStream.frames.filter(
      (f): f is FrameOf<'conversation.typing_changed'> =>
        f.type === 'conversation.typing_changed' && f.conversationId === conversationId,
    );
    assert.deepEqual(
      signals.map((f) => f.typing),
      [true, false],
    );

    const closed = new Promise<[number, string]>((resolve) =>
      buyerStream.socket.once('close', (code, reason) => resolve([code, reason.toString()])),
    );
    for (let i = 0; i < 60; i++) buyerStream.send({ type: 'ping' });
    assert.deepEqual(await closed, [4429, SLOW_DOWN]);
    await agentStream.close();
  });

  const tinyPng = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000185d3b0b00000000049454e44ae426082',
    'hex',
  );
  const upload = (token: string, bytes: Buffer, type = 'image/png', path = '/api/v1/widget/uploads') =>
    api<ErrorEnvelope>(server.url, 'POST', path, { token, raw: bytes, headers: { 'content-type': type } });

  it('a buyer uploads at most 30 images an hour, and at most their quota in all; agents are not held to either', async () => {
    const buyer = await startBuyer(server.url);
    for (let i = 0; i < 30; i++) assert.equal((await upload(buyer.token, tinyPng)).status, 201);
    const tooFast = await upload(buyer.token, tinyPng);
    assert.equal(tooFast.status, 429);
    assert.equal(tooFast.body.error.code, 'too_many_uploads');

    // Noise does not compress: each of these stores about 6 KB of the buyer's 10 KB quota.
    const noisy = await sharp(Buffer.from(Array.from({ length: 45 * 45 * 3 }, () => Math.floor(Math.random() * 256))), {
      raw: { width: 45, height: 45, channels: 3 },
    })
      .png()
      .toBuffer();
    const saver = await startBuyer(server.url);
    assert.equal((await upload(saver.token, noisy)).status, 201);
    const overQuota = await upload(saver.token, noisy);
    assert.equal(overQuota.status, 413);
    assert.equal(overQuota.body.error.code, 'upload_quota_exceeded');
    assert.match(overQuota.body.error.message, /图片已达上限/);

    for (let i = 0; i < 35; i++) assert.equal((await upload(agent.token, noisy, 'image/png', '/api/v1/uploads')).status, 201);
  });

  it('an agent may send 40 messages in a minute', async () => {
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '在吗');
    for (let i = 1; i <= 40; i++)
      assert.equal((await agentSays(server.url, agent.token, buyer.conversation.id, `回复${i}`)).status, 201);
  });

  it('the public product list comes in pages (default 20, at most 50) and each address has a read budget', async () => {
    const owner = await loginAgent(server.url, 'owner');
    // Enough products that a page of 50 is not the whole catalogue: the owner adds 30 in 商品.
    for (let i = 0; i < 30; i++) {
      const created = await api(server.url, 'POST', '/api/v1/products', {
        token: owner.token,
        body: { title: `加购商品 ${i}`, category: '加购', priceFen: 1990, imageUrl: null, listingNotes: null, sizeChart: null },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    const onSale = (await api<ListCatalogueResponse>(server.url, 'GET', '/api/v1/products?pageSize=200', { token: owner.token }))
      .body.products as {
      id: string;
    }[];

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const response: JsonResponse<{ products: { id: string }[]; nextCursor: string | null }> = await api(
        server.url,
        'GET',
        `/api/v1/shops/demo/products${query}`,
      );
      assert.equal(response.status, 200);
      assert.ok(response.body.products.length <= 20);
      seen.push(...response.body.products.map((p) => p.id));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, Math.ceil(onSale.length / 20));
    assert.deepEqual([...seen].sort(), onSale.map((p) => p.id).sort(), 'every product on sale once');

    const capped = await api<z.infer<typeof ListProductsResponse>>(server.url, 'GET', '/api/v1/shops/demo/products?limit=1000');
    assert.equal(capped.body.products.length, 50);
    assert.equal(typeof capped.body.nextCursor, 'string');
    assert.equal((await api(server.url, 'GET', '/api/v1/shops/demo/products?cursor=not-a-cursor')).status, 400);

    // PUBLIC_READS_PER_MINUTE is 40 here: the address has spent some of it above.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await api(server.url, 'GET', '/api/v1/shops/demo/products?limit=1')).status);
    assert.ok(statuses.includes(429));
    assert.equal(statuses.indexOf(429), statuses.lastIndexOf(200) + 1, 'once refused, refused for the rest of the minute');
  });
});

describe('uploaded photos lose their metadata', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** A red 40×20 picture shot "rotated" (EXIF orientation 6: shown 20 wide, 40 high) with a GPS position and XMP. */
  async function photo(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
    const pixels = sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 220, g: 20, b: 20 } } });
    return pixels
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { ImageDescription: 'SECRET-HOME', Make: 'PhoneMaker' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 50/1' },
      })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">SECRET-XMP</rdf:RDF></x:xmpmeta>',
      )
      .toFormat(format)
      .toBuffer();
  }

  const hasGpsTag = (exif: Buffer) => exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`a ${format.toUpperCase()} with EXIF GPS and XMP is stored and served without them, upright and the same size`, async () => {
      const original = await photo(format);
      const before = await sharp(original).metadata();
      assert.ok(before.exif && hasGpsTag(before.exif), 'the test photo carries a GPS position');
      assert.ok(before.xmp, 'and XMP');
      assert.equal(before.orientation, 6);

      const buyer = await startBuyer(server.url);
      const uploaded = await api<UploadResponse>(server.url, 'POST', '/api/v1/widget/uploads', {
        token: buyer.token,
        raw: original,
        headers: { 'content-type': `image/${format}` },
      });
      assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
      const served = Buffer.from(await (await fetch(server.url + uploaded.body.attachment.url)).arrayBuffer());
      // why: the stored bytes themselves must be stripped, not only what is served.
      const stored = await server.app.context.storage.db
        .selectFrom('attachments')
        .select(['bytes', 'size'])
        .where('id', '=', uploaded.body.attachment.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(Buffer.from(stored.bytes), served);
      assert.equal(Number(stored.size), served.length);
      assert.equal(uploaded.body.attachment.size, served.length);

      const after = await sharp(served).metadata();
      assert.equal(after.format, format);
      assert.equal(after.exif, undefined, 'no EXIF');
      assert.equal(after.xmp, undefined, 'no XMP');
      assert.ok(!served.includes('SECRET-HOME') && !served.includes('SECRET-XMP') && !served.includes('PhoneMaker'));
      assert.ok(!served.includes(Buffer.from('Exif\0\0')));
      assert.ok(after.orientation === undefined || after.orientation === 1);
      // Shown as before: turned upright (20 wide, 40 high), still the red picture.
      assert.deepEqual([after.width, after.height], [20, 40]);
      const { channels } = await sharp(served).stats();
      assert.ok(channels[0]!.mean > 180 && channels[1]!.mean < 60, 'the same red picture');
    });
  }

  it('refuses a file that only starts like an image', async () => {
    const buyer = await startBuyer(server.url);
    const fake = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(200, 7)]);
    const response = await api(server.url, 'POST', '/api/v1/widget/uploads', {
      token: buyer.token,
      raw: fake,
      headers: { 'content-type': 'image/jpeg' },
    });
    assert.equal(response.status, 415);
  });
});
