import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { storeSeedMessages } from '../conversations/index.js';
import {
  insertDemoBuyer,
  insertDemoBuyerNote,
  insertDemoBuyerTag,
  insertDemoConversation,
  insertDemoCustomerTag,
  insertDemoOrder,
  insertDemoProductView,
  insertDemoSegments,
  setDemoCustomerType,
} from './demo-seed.repository.js';

/** What the demo seed already created and hands over. */
export interface DemoCrmInput {
  shopId: string;
  buyers: readonly { id: string; nick: string }[];
  products: readonly { id: string; title: string; priceFen: number; skus: readonly { props: Record<string, string> }[] }[];
  agents: ReadonlyMap<string, { id: string; name: string }>;
  now: Date;
}

const TAGS = [
  { name: '老客户', color: 'gold' },
  { name: '爱讲价', color: 'orange' },
  { name: '大码', color: 'blue' },
  { name: '学生党', color: 'cyan' },
  { name: '差评风险', color: 'red' },
  { name: '送礼', color: 'magenta' },
] as const;

/** Buyers who bought twice or more, long ago, and went quiet (沉睡老客). */
const SLEEPING = [
  { nick: '老顾客阿芳', province: '浙江省', city: '宁波市', street: '海曙区中山西路 18 号', orders: [75, 140, 210] },
  { nick: '回头客小雯', province: '江苏省', city: '苏州市', street: '姑苏区观前街 66 号', orders: [90, 160] },
  { nick: '三年老粉', province: '广东省', city: '佛山市', street: '禅城区祖庙路 9 号', orders: [68, 120, 300, 400] },
  { nick: '周姐的店', province: '湖南省', city: '株洲市', street: '芦淞区建设中路 3 号', orders: [100, 180] },
];

/**
 * Customer 360 in the demo shop: a tag list, tags, types and notes on the buyers in the demo chats,
 * sleeping repeat buyers and big spenders for the two saved segments, a blacklisted buyer whose
 * messages are held, and browsing footprints.
 */
export async function seedDemoCrm(trx: Transaction<Database>, input: DemoCrmInput): Promise<void> {
  const { shopId, buyers, products, agents, now } = input;
  const ago = (days: number, minutes = 0) => new Date(now.getTime() - days * 86_400_000 - minutes * 60_000).toISOString();
  const owner = agents.get('owner')!;
  const presale = agents.get('presale1')!;

  const tagIds = new Map<string, string>();
  for (const [i, tag] of TAGS.entries()) {
    const id = newId();
    tagIds.set(tag.name, id);
    await insertDemoCustomerTag(trx, { id, shop_id: shopId, name: tag.name, color: tag.color, created_at: ago(200 - i) });
  }
  const tag = async (buyerId: string, ...names: string[]) => {
    for (const name of names) {
      await insertDemoBuyerTag(trx, { shop_id: shopId, buyer_id: buyerId, tag_id: tagIds.get(name)!, created_at: ago(3) });
    }
  };
  const setType = (buyerId: string, type: string, by: string, days: number) =>
    setDemoCustomerType(trx, buyerId, type, by, ago(days));
  const note = (buyerId: string, author: { id: string; name: string }, text: string, days: number) =>
    insertDemoBuyerNote(trx, {
      id: newId(),
      shop_id: shopId,
      buyer_id: buyerId,
      author_id: author.id,
      author_name: author.name,
      text,
      created_at: ago(days),
      edited_at: null,
    });

  // The buyers of the demo chats, so the right pane has something to show at once.
  const [b0, b1, b2, b3, b4, b5] = buyers;
  if (b0 && b1 && b2 && b3 && b4 && b5) {
    await tag(b0.id, '大码', '学生党');
    await setType(b0.id, 'cautious', presale.name, 2);
    await note(b0.id, presale, '身高 165、体重 120 斤，平时穿 L 码；怕色差，发了实拍图才放心。', 2);
    await tag(b1.id, '爱讲价');
    await setType(b1.id, 'bargainer', presale.name, 1);
    await note(b1.id, presale, '上次已给过 5 元优惠券，再要优惠请婉拒。', 1);
    await tag(b2.id, '老客户', '送礼');
    await setType(b2.id, 'loyal', owner.name, 20);
    await note(b2.id, owner, '老客，每年双 11 都来买，送礼需要包装和贺卡。', 20);
    await tag(b3.id, '差评风险');
    await setType(b3.id, 'proud_undecided', presale.name, 5);
    await setType(b4.id, 'impulsive', presale.name, 7);
    await tag(b5.id, '老客户');
  }

  // Sleeping repeat buyers: two or more paid orders, the last more than 60 days ago.
  const expensive = [...products].sort((a, b) => b.priceFen - a.priceFen);
  let orderNo = 0;
  for (const [i, person] of SLEEPING.entries()) {
    const buyerId = newId();
    const phone = `139${String(20_000_000 + i * 1_234_567).slice(0, 8)}`;
    await insertDemoBuyer(trx, {
      id: buyerId,
      shop_id: shopId,
      visitor_id: `demo-sleeping-${i + 1}`,
      nick: person.nick,
      phone,
      province: person.province,
      city: person.city,
      vip_level: i % 2 === 0 ? 2 : 1,
      created_at: ago(420),
      last_seen_at: ago(person.orders[0]!),
      identity_source: 'demo',
    });
    await tag(buyerId, '老客户');
    if (i === 0) await setType(buyerId, 'loyal', owner.name, 80);
    for (const [k, days] of person.orders.entries()) {
      orderNo += 1;
      const product = expensive[(i * 3 + k) % Math.min(expensive.length, 8)]!;
      const orderId = newId();
      await insertDemoOrder(
        trx,
        {
          id: orderId,
          shop_id: shopId,
          buyer_id: buyerId,
          order_no: `${now.getUTCFullYear()}2${String(300_000_000 + orderNo * 9_113)}`,
          status: 'completed',
          total_fen: product.priceFen,
          receiver_name: person.nick.slice(-2) + '女士',
          receiver_phone: phone,
          receiver_address: `${person.province}${person.city}${person.street}`,
          receiver_province: person.province,
          carrier: '中通快递',
          tracking_no: `75${String(4_400_000_000_000 + orderNo * 17)}`,
          memo: null,
          placed_at: ago(days),
          paid_at: ago(days, -5),
          shipped_at: ago(days - 1),
          signed_at: ago(days - 3),
          completed_at: ago(days - 10),
          closed_at: null,
        },
        [
          {
            order_id: orderId,
            product_id: product.id,
            title: product.title,
            sku_props: JSON.stringify(product.skus[0]?.props ?? {}),
            price_fen: product.priceFen,
            quantity: 1,
          },
        ],
      );
    }
  }

  // A blacklisted buyer: their messages were stored but held, so no agent was disturbed.
  const blockedId = newId();
  await insertDemoBuyer(trx, {
    id: blockedId,
    shop_id: shopId,
    visitor_id: 'demo-blocked-1',
    nick: '专业打假人',
    phone: '13700001111',
    province: '河北省',
    city: '石家庄市',
    vip_level: 0,
    created_at: ago(30),
    last_seen_at: ago(0, 50),
    identity_source: 'demo',
    blocked_at: ago(1),
    blocked_by: owner.id,
    blocked_by_name: owner.name,
    block_reason: '多次恶意索要赔偿，已报平台',
  });
  await tag(blockedId, '差评风险');
  const conversationId = newId();
  await insertDemoConversation(trx, {
    id: conversationId,
    shop_id: shopId,
    buyer_id: blockedId,
    status: 'open',
    assignee_id: null,
    last_seq: 0,
    last_message_id: null,
    waiting_since: null,
    agent_read_seq: 0,
    buyer_read_seq: 0,
    created_at: ago(2),
    updated_at: ago(2),
  });
  const lines = [
    ['在吗', 0, 60],
    ['不赔钱就给差评，投诉到平台', 0, 58],
    ['？？？人呢', 0, 50],
  ] as const;
  // Seeding: a prepared history in the seed's transaction, through the writer's own batch function, with no origin
  // (history is news to nobody: no events, no automation).
  await storeSeedMessages(
    trx,
    lines.map(([body, days, minutes]) => ({
      id: newId(),
      shopId,
      conversationId,
      sender: 'buyer',
      agentId: null,
      kind: 'text',
      body,
      payload: null,
      clientMsgId: null,
      createdAt: ago(days, minutes),
    })),
  );

  await insertDemoSegments(trx, [
    {
      id: newId(),
      shop_id: shopId,
      name: '沉睡老客',
      filter_json: JSON.stringify({ orderCountMin: 2, silentDays: 60 }),
      created_by: owner.name,
      created_at: ago(10),
      updated_at: ago(10),
    },
    {
      id: newId(),
      shop_id: shopId,
      name: '高价值',
      filter_json: JSON.stringify({ spentMinFen: 50_000 }),
      created_by: owner.name,
      created_at: ago(9),
      updated_at: ago(9),
    },
  ]);

  // Footprints of the buyers in the first demo chats.
  for (const [i, buyer] of buyers.slice(0, 6).entries()) {
    for (let k = 0; k < 3; k++) {
      const product = products[(i * 5 + k * 3) % products.length]!;
      await insertDemoProductView(trx, {
        id: newId(),
        shop_id: shopId,
        buyer_id: buyer.id,
        product_id: product.id,
        viewed_at: ago(0, 10 + i * 30 + k * 7),
      });
    }
  }
}
