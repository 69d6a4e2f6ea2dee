// 质检 rules as data and the shared matcher (packages/contracts): what the chat box underlines while the agent
// types and what the server reports. Pure functions: no server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applySuggestion,
  checkConversation,
  checkPhrasing,
  replyLanguageOf,
  DEFAULT_QUALITY_RULES,
  qualityScore,
  QualityRules,
  type QualityLine,
  type QualityRule,
} from '@golddesk/contracts';

const hitsOf = (text: string, rules: readonly QualityRule[] = DEFAULT_QUALITY_RULES) =>
  checkPhrasing(text, rules).map((hit) => ({ rule: hit.rule, words: text.slice(...hit.span) }));

const withRule = (id: string, change: Partial<QualityRule>): QualityRule[] =>
  DEFAULT_QUALITY_RULES.map((rule) => (rule.id === id ? ({ ...rule, ...change } as QualityRule) : rule));

describe('质检 phrase rules', () => {
  it('underlines "不知道" and "不归我管" and rewrites the reply in the shop\'s tone', () => {
    const text = '不知道，这个不归我管';
    const hits = checkPhrasing(text, DEFAULT_QUALITY_RULES);
    assert.deepEqual(
      hits.map((hit) => [hit.rule, hit.span]),
      [
        ['shirking', [0, 3]],
        ['shirking', [6, 10]],
      ],
    );
    assert.match(hits[0]!.message, /不知道/);
    assert.equal(hits[0]!.suggestion, '亲，这个问题我帮您问一下仓库同事，稍后给您答复哦~');
    assert.deepEqual(applySuggestion(text, hits[0]!), { text: hits[0]!.suggestion, caret: hits[0]!.suggestion.length });
  });

  it('leaves ordinary polite replies alone, though they contain 没有 / 不行 / 保证 / 最', () => {
    for (const text of [
      '亲，没有问题哦~',
      '有没有其他颜色呢？我帮您看看',
      '行不行都告诉您哦',
      '主机也不行吗',
      '我不会让您失望的',
      '预计明天到达的，请您耐心等待',
      '京东销售的都是正品，保证质量',
      '最晚不会超出今天的哦',
      '不会的哦，放心',
    ]) {
      assert.deepEqual(hitsOf(text), [], text);
    }
  });

  it('takes 没有 / 不行 as a refusal only when they are the whole clause', () => {
    assert.deepEqual(hitsOf('没有的哦'), [{ rule: 'bare-refusal', words: '没有' }]);
    assert.deepEqual(hitsOf('那不行，只能终止一个服务单'), [{ rule: 'bare-refusal', words: '不行' }]);
    assert.deepEqual(hitsOf('这个我也不知道'), [{ rule: 'shirking', words: '不知道' }]);
    assert.deepEqual(hitsOf('不行吗？'), []);
    assert.deepEqual(hitsOf('没有货了，您看看别的款'), []);
  });

  it('catches blame, courier promises, rude words and ad-law claims, overlapping claims as one', () => {
    assert.deepEqual(hitsOf('这是仓库的问题，老板说的'), [
      { rule: 'blame', words: '仓库的问题' },
      { rule: 'blame', words: '老板说的' },
    ]);
    assert.deepEqual(hitsOf('放心，保证明天到！'), [{ rule: 'courier-promise', words: '保证明天到' }]);
    assert.deepEqual(hitsOf('爱买不买'), [{ rule: 'rude', words: '爱买不买' }]);
    assert.deepEqual(hitsOf('亲，这款是全网最低价哦，No.1 的品质'), [
      { rule: 'ad-words', words: '全网最低价' },
      { rule: 'ad-words', words: 'No.1' },
    ]);
  });

  it('gives spans in UTF-16 code units (an emoji counts two)', () => {
    const text = '😀不知道';
    assert.deepEqual(checkPhrasing(text, DEFAULT_QUALITY_RULES)[0]!.span, [2, 5]);
  });

  it('follows the shop: switched-off rules are silent, exceptions hold, a phrase rewrite replaces the words only', () => {
    assert.deepEqual(hitsOf('不知道', withRule('shirking', { enabled: false })), []);
    assert.deepEqual(hitsOf('好的，但是要等一下'), []);
    const withBut = withRule('avoid-but', { enabled: true });
    const hits = checkPhrasing('好的，但是要等一下', withBut);
    assert.deepEqual(
      hits.map((hit) => hit.rule),
      ['avoid-but'],
    );
    assert.equal(applySuggestion('好的，但是要等一下', hits[0]!).text, '好的，因为要等一下');
    const excepted = withRule('courier-promise', { exceptions: ['不是保证明天到'] } as Partial<QualityRule>);
    assert.deepEqual(hitsOf('不是保证明天到哦', excepted), []);
    assert.deepEqual(hitsOf('保证明天到哦', excepted), [{ rule: 'courier-promise', words: '保证明天到' }]);
  });

  it("explains in the agent's language and rewrites in the reply's (the buyer reads the rewrite)", () => {
    const [chinese] = checkPhrasing('不归我管', DEFAULT_QUALITY_RULES, 'en');
    assert.match(chinese!.message, /not my job/);
    assert.match(chinese!.suggestion, /稍后给您答复/);
    assert.equal(replyLanguageOf('Sorry, the M is sold out'), 'en');
    assert.equal(replyLanguageOf('亲，M码没有了 sorry'), 'zh-CN');
  });

  it('rewrites only the sentence around the hit, its full stop taken by the suggestion', () => {
    const text = '亲，这款是全网最低价哦！现在下单还送小样。';
    const [hit] = checkPhrasing(text, DEFAULT_QUALITY_RULES);
    assert.equal(applySuggestion(text, hit!).text, '亲，这款品质和口碑都很不错，现在入手也很划算哦~现在下单还送小样。');
  });
});

describe('质检 conversation rules', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 6, 2, 0, seconds)).toISOString();
  const chat: QualityLine[] = [
    { sender: 'buyer', body: '在吗？这件有 M 码吗', at: at(0) },
    { sender: 'bot', body: '欢迎光临，客服马上就来', at: at(1) },
    { sender: 'agent', body: '有的，M 码有货', at: at(200) },
    { sender: 'buyer', body: '好的', at: at(210) },
    { sender: 'agent', body: '好的，拍下就发货', at: at(240) },
  ];

  it('finds the missing greeting, the reply after 200 s (the bot did not answer) and, once ended, no thanks', () => {
    const open = checkConversation(chat, DEFAULT_QUALITY_RULES);
    assert.deepEqual(
      open.map((hit) => [hit.rule, hit.line]),
      [
        ['first-greeting', 2],
        ['slow-reply', 2],
      ],
    );
    const ended = checkConversation(chat, DEFAULT_QUALITY_RULES, 'zh-CN', { ended: true });
    assert.deepEqual(
      ended.map((hit) => [hit.rule, hit.line]),
      [
        ['first-greeting', 2],
        ['slow-reply', 2],
        ['closing-thanks', 4],
      ],
    );
    assert.equal(qualityScore(ended, DEFAULT_QUALITY_RULES), 100 - 2 - 2 - 1);
  });

  it('passes a chat that greets, answers in time and thanks, and scores phrase hits of every reply', () => {
    const good: QualityLine[] = [
      { sender: 'buyer', body: '有 M 码吗', at: at(0) },
      { sender: 'agent', body: '亲，您好！有的哦', at: at(30) },
      { sender: 'buyer', body: '保证明天到吗', at: at(40) },
      { sender: 'agent', body: '保证明天到！谢谢亲', at: at(60) },
    ];
    const hits = checkConversation(good, DEFAULT_QUALITY_RULES, 'zh-CN', { ended: true });
    assert.deepEqual(
      hits.map((hit) => [hit.rule, hit.line]),
      [['courier-promise', 3]],
    );
    assert.equal(qualityScore(hits, DEFAULT_QUALITY_RULES), 97);
  });
});

describe('质检 rule schema', () => {
  it('refuses a rule set naming one rule twice, an empty phrase or an unknown kind', () => {
    const twice = QualityRules.safeParse([...DEFAULT_QUALITY_RULES, DEFAULT_QUALITY_RULES[0]]);
    assert.equal(twice.success, false);
    assert.deepEqual(twice.error!.issues[0]!.path, [DEFAULT_QUALITY_RULES.length, 'id']);
    const empty = QualityRules.safeParse([{ ...DEFAULT_QUALITY_RULES[0], phrases: [' '] }]);
    assert.deepEqual(empty.error!.issues[0]!.path, [0, 'phrases', 0]);
    assert.equal(QualityRules.safeParse([{ ...DEFAULT_QUALITY_RULES[0], kind: 'magic' }]).success, false);
  });
});
