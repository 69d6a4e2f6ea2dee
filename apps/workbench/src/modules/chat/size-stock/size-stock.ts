import {
  parseBodyMeasurements,
  type BodyMeasurements,
  type Footprint,
  type Message,
  type OrderView,
  type SizeAdviceResponse,
} from '@golddesk/contracts';
import { i18next } from '../../../platform/i18n';

/** A product the conversation may be about, and why the tool offers it. */
export interface ProductChoice {
  productId: string;
  title: string;
  imageUrl: string | null;
  /** chat: a product card in this conversation; footprint: the buyer looked at it; order: in their latest order. */
  source: 'chat' | 'footprint' | 'order';
}

/**
 * The products the conversation is about, the likeliest first: the product cards in the chat (newest first), then
 * the buyer's footprints, then the items of their latest order. Each product once.
 */
export function productChoices(
  messages: readonly Message[],
  footprints: readonly Footprint[],
  orders: readonly OrderView[],
): ProductChoice[] {
  const choices: ProductChoice[] = [];
  const add = (choice: ProductChoice) => {
    if (choice.productId && !choices.some((c) => c.productId === choice.productId)) choices.push(choice);
  };
  for (const message of [...messages].reverse()) {
    if (message.kind === 'product' && message.product) {
      add({
        productId: message.product.productId,
        title: message.product.title,
        imageUrl: message.product.imageUrl,
        source: 'chat',
      });
    }
  }
  for (const f of footprints) add({ productId: f.productId, title: f.title, imageUrl: f.imageUrl, source: 'footprint' });
  for (const item of orders[0]?.items ?? [])
    add({ productId: item.productId, title: item.title, imageUrl: item.imageUrl, source: 'order' });
  return choices;
}

// Buyers often give height and weight over two lines ("165" … "100斤穿什么码"): look a few messages back.
const BUYER_MESSAGES_READ = 5;

/** Height and weight from the buyer's latest text messages: each from the newest message that gives it. */
export function measurementsFromChat(messages: readonly Message[]): BodyMeasurements {
  const found: BodyMeasurements = {};
  const recent = messages
    .filter((m) => m.sender === 'buyer' && m.kind === 'text')
    .slice(-BUYER_MESSAGES_READ)
    .reverse();
  for (const message of recent) {
    const read = parseBodyMeasurements(message.body);
    found.heightCm ??= read.heightCm;
    found.weightKg ??= read.weightKg;
    if (found.heightCm !== undefined && found.weightKg !== undefined) break;
  }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as BodyMeasurements;
}

const SIZE_DIMENSION = /尺码|尺寸|码数|^size$/i;

/** A SKU as a buyer reads it, the size first: "M码 白色". */
export function skuLabel(props: Record<string, string>): string {
  const entries = Object.entries(props);
  // Letter and number sizes read "M码", "160码"; 均码 and written-out sizes stay as they are.
  const size = entries
    .filter(([key]) => SIZE_DIMENSION.test(key))
    .map(([, value]) => (/^[A-Za-z0-9]+$/.test(value) ? `${value}码` : value));
  return [...size, ...entries.filter(([key]) => !SIZE_DIMENSION.test(key)).map(([, value]) => value)].join(' ');
}

/** The SKU's size value, if it has a size dimension. */
export function skuSize(props: Record<string, string>): string | undefined {
  return Object.entries(props).find(([key]) => SIZE_DIMENSION.test(key))?.[1];
}

// What goes to the buyer is in the buyer's language (the shop's: Chinese), whatever language the agent reads.
const buyerT = () => i18next.getFixedT('zh-CN');

/** The composer's sentence for a size advice: "亲，根据您身高165cm、体重50kg，建议选 M 码哦～". */
export function sizeSentence(advice: SizeAdviceResponse, heightCm: number, weightKg: number): string {
  const t = buyerT();
  if (!advice.size) return t('sizeStock.sentence.noSize', { height: heightCm, weight: weightKg });
  return t(advice.fit === 'between' ? 'sizeStock.sentence.between' : 'sizeStock.sentence.size', {
    height: heightCm,
    weight: weightKg,
    size: advice.size,
  });
}

/** The composer's sentence for one SKU's stock: "亲，M码 白色 现货 12 件，可以放心拍哦～". */
export function stockSentence(props: Record<string, string>, stock: number): string {
  const t = buyerT();
  return stock > 0
    ? t('sizeStock.sentence.inStock', { sku: skuLabel(props), count: stock })
    : t('sizeStock.sentence.outOfStock', { sku: skuLabel(props) });
}
