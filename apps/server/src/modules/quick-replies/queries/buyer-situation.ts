import { wordsForQuery } from '../../../platform/db/full-text-search.js';

/**
 * Buyers ask the same thing in many words ("什么时候发", "几天能到", "多久发货"); phrases are written with the shop's
 * words (发货时间). Each topic word stands for the ways buyers ask about it, so a question names the topic the
 * phrases use. Any phrase that mentions a topic word ranks up, whatever its code.
 */
const TOPICS: Record<string, readonly string[]> = {
  时间: ['什么时候', '啥时候', '几时', '多久', '几天', '多长时间', '时间', '何时', '今天能', '明天能'],
  快递: ['快递', '物流', '哪家', '发什么'],
  物流: ['到哪', '哪了', '单号', '没收到', '还没到', '查一下', '物流'],
  包邮: ['包邮', '运费', '邮费'],
  优惠: ['便宜', '优惠', '打折', '折扣', '少点', '降价', '活动', '划算'],
  赠品: ['赠品', '送什么', '小样', '礼物', '送不送', '有送'],
  尺码: ['什么码', '多大码', '哪个码', '尺码', '尺寸', '身高', '体重', '偏大', '偏小', '码数', '穿多大'],
  现货: ['现货', '有货', '库存', '缺货', '还有吗', '有没有货', '断货'],
  退换: ['退货', '退换', '换货', '退款', '不想要', '七天无理由', '7天无理由'],
  质量: ['质量', '坏了', '破了', '破损', '瑕疵', '起球', '掉色', '开线', '有问题'],
  发票: ['发票', '开票', '报销', '抬头', '税号'],
};

// Words every question has; they would rank every phrase alike.
const STOPWORDS = new Set([
  '什么',
  '怎么',
  '怎么办',
  '怎么样',
  '可以',
  '能不能',
  '有没有',
  '没有',
  '是不是',
  '请问',
  '一下',
  '这个',
  '那个',
  '这款',
  '你们',
  '我们',
  '我的',
  '你好',
  '您好',
  '亲亲',
  '谢谢',
  '还有',
  '就是',
  '已经',
  '现在',
  '一个',
  '的话',
  '时候',
]);

/** The words and topics of a buyer's message the phrases are ranked by. */
export function situationWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of wordsForQuery(text)) {
    if (word.length >= 2 && !STOPWORDS.has(word) && !/^[\d.]+$/.test(word)) words.add(word);
  }
  const compact = text.replace(/\s+/g, '');
  for (const [topic, asks] of Object.entries(TOPICS)) {
    if (asks.some((ask) => compact.includes(ask))) words.add(topic);
  }
  return [...words].slice(0, 20);
}
