// 质检 over HTTP (issue 13, items 5–6): the shop's rules (GET for every agent, PUT and reset for the managers, a
// malformed rule named in the error) and POST /api/v1/assistant/check-phrasing with the shop's rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_QUALITY_RULES, MAX_MESSAGE_LENGTH, type QualityRule, type QualityRulesResponse } from '@golddesk/contracts';
import { api, loginAgent } from './helpers/clients.js';
import { startTestServer, TEST_DB, type TestServer } from './helpers/test-server.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface HitsBody {
  hits: { rule: string; span: [number, number]; message: string; suggestion: string }[];
}

describe(`质检 rules and check-phrasing on ${TEST_DB}`, () => {
  let server: TestServer;
  let owner: string;
  let presale: string;
  // A fixed clock: the rate-limit window does not roll over in the middle of the test.
  const now = new Date('2026-11-06T02:00:10Z');

  before(async () => {
    server = await startTestServer({ now: () => now });
    owner = (await loginAgent(server.url, 'owner')).token;
    presale = (await loginAgent(server.url, 'presale1')).token;
  });
  after(() => server.close());

  const rules = (token: string) => api<QualityRulesResponse>(server.url, 'GET', '/api/v1/quality/rules', { token });
  const save = (token: string, body: unknown, language = 'zh-CN') =>
    api<QualityRulesResponse & ErrorBody>(server.url, 'PUT', '/api/v1/quality/rules', {
      token,
      body,
      headers: { 'accept-language': language },
    });
  const check = (token: string, text: string, language = 'zh-CN') =>
    api<HitsBody & ErrorBody>(server.url, 'POST', '/api/v1/assistant/check-phrasing', {
      token,
      body: { text },
      headers: { 'accept-language': language },
    });

  it('answers "不知道，这个不归我管" with both hits, their spans, the message and the rewrite, in the asked language', async () => {
    const zh = await check(presale, '不知道，这个不归我管');
    assert.equal(zh.status, 200, JSON.stringify(zh.body));
    assert.deepEqual(
      zh.body.hits.map((hit) => [hit.rule, hit.span]),
      [
        ['shirking', [0, 3]],
        ['shirking', [6, 10]],
      ],
    );
    assert.deepEqual(Object.keys(zh.body.hits[0]!).sort(), ['message', 'rule', 'span', 'suggestion']);
    assert.match(zh.body.hits[0]!.message, /不归我管/);
    assert.equal(zh.body.hits[0]!.suggestion, '亲，这个问题我帮您问一下仓库同事，稍后给您答复哦~');
    const en = await check(presale, '不知道，这个不归我管', 'en');
    assert.match(en.body.hits[0]!.message, /not my job/);
    const fine = await check(presale, '亲，没有问题哦，今天下单今天发货~');
    assert.deepEqual(fine.body, { hits: [] });
  });

  it('refuses a text longer than a message may be (413), and no token (401)', async () => {
    const long = await check(presale, '好'.repeat(MAX_MESSAGE_LENGTH + 1));
    assert.equal(long.status, 413);
    assert.equal(long.body.error.code, 'message_too_long');
    const noToken = await api(server.url, 'POST', '/api/v1/assistant/check-phrasing', { body: { text: '好的' } });
    assert.equal(noToken.status, 401);
  });

  it('gives every agent the rules, and only the managers change them', async () => {
    const read = await rules(presale);
    assert.equal(read.status, 200);
    assert.equal(read.body.isDefault, true);
    assert.deepEqual(
      read.body.rules.map((rule) => rule.id),
      DEFAULT_QUALITY_RULES.map((rule) => rule.id),
    );
    const refused = await save(presale, { rules: DEFAULT_QUALITY_RULES });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    const reset = await api<ErrorBody>(server.url, 'POST', '/api/v1/quality/rules/reset', { token: presale });
    assert.equal(reset.status, 403);
  });

  it("checks replies with the shop's own rules once saved, and with the built-in ones after a reset", async () => {
    const edited = DEFAULT_QUALITY_RULES.map((rule): QualityRule => {
      if (rule.id === 'shirking') return { ...rule, enabled: false };
      if (rule.id === 'ad-words' && 'phrases' in rule) return { ...rule, phrases: [...rule.phrases, '天下无敌'] };
      return rule;
    });
    const saved = await save(owner, { rules: edited });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.isDefault, false);
    const read = await rules(presale);
    assert.equal(read.body.isDefault, false);
    assert.equal(read.body.rules.find((rule) => rule.id === 'shirking')!.enabled, false);

    assert.deepEqual((await check(presale, '不知道，这个不归我管')).body.hits, []);
    const claim = await check(presale, '这款面膜天下无敌');
    assert.deepEqual(
      claim.body.hits.map((hit) => [hit.rule, hit.span]),
      [['ad-words', [4, 8]]],
    );

    const audit = await api<{ entries: { action: string }[] }>(server.url, 'GET', '/api/v1/audit', { token: owner });
    assert.ok(JSON.stringify(audit.body).includes('quality.rules_changed'), 'the change is audited');

    const reset = await api<QualityRulesResponse>(server.url, 'POST', '/api/v1/quality/rules/reset', { token: owner });
    assert.equal(reset.status, 200);
    assert.equal(reset.body.isDefault, true);
    assert.equal((await check(presale, '不知道，这个不归我管')).body.hits.length, 2);
    assert.deepEqual((await check(presale, '这款面膜天下无敌')).body.hits, []);
  });

  it('refuses a malformed rule with its id and field named, in Chinese and English, and saves nothing', async () => {
    const badPhrase = DEFAULT_QUALITY_RULES.map((rule) =>
      rule.id === 'ad-words' && 'phrases' in rule ? { ...rule, phrases: ['最低价', ''] } : rule,
    );
    const zh = await save(owner, { rules: badPhrase });
    assert.equal(zh.status, 400);
    assert.equal(zh.body.error.code, 'quality_rule_invalid');
    assert.match(zh.body.error.message, /^质检规则「ad-words」的词语第 2 个有误：/);
    const en = await save(owner, { rules: badPhrase }, 'en');
    assert.match(en.body.error.message, /^Quality rule "ad-words": the phrases #2 is invalid: /);

    const noEnglish = [{ ...DEFAULT_QUALITY_RULES[0], message: { zh: '提示' } }];
    const missing = await save(owner, { rules: noEnglish });
    assert.match(missing.body.error.message, /^质检规则「shirking」的提示语（英文）有误/);

    const twice = await save(owner, { rules: [DEFAULT_QUALITY_RULES[0], DEFAULT_QUALITY_RULES[0]] }, 'en');
    assert.match(twice.body.error.message, /^Quality rule "shirking": the id is invalid: "shirking" is used by another rule/);

    const slow = DEFAULT_QUALITY_RULES.map((rule) => (rule.kind === 'slow_reply' ? { ...rule, seconds: 5 } : rule));
    const tooFast = await save(owner, { rules: slow });
    assert.match(tooFast.body.error.message, /^质检规则「slow-reply」的时限（秒）有误/);

    const magic = await save(owner, { rules: [{ ...DEFAULT_QUALITY_RULES[0], kind: 'magic' }] });
    assert.match(magic.body.error.message, /^质检规则「shirking」的类型有误/, magic.body.error.message);

    const notRules = await save(owner, { rules: 'all of them' });
    assert.equal(notRules.status, 400);
    assert.equal(notRules.body.error.code, 'invalid_input');

    assert.equal((await rules(owner)).body.isDefault, true, 'nothing was saved');
  });

  it('limits check-phrasing per agent (429), other agents unaffected', async () => {
    const burst = await Promise.all(Array.from({ length: 300 }, () => check(owner, '好的')));
    const limited = burst.filter((response) => response.status === 429).length;
    const extra = await check(owner, '好的');
    assert.equal(extra.status, 429);
    assert.equal(extra.body.error.code, 'rate_limited');
    assert.ok(limited < 300);
    assert.equal((await check(presale, '好的')).status, 200);
  });
});
