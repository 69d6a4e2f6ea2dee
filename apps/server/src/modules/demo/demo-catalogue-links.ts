import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { insertDemoBundle, insertDemoProductRelations } from './demo-seed.repository.js';

/** 关联商品 of the demo shop by title prefix: cleanse → mask → serum → toner/cream for sensitive skin, and so on. */
const RELATED: Array<[string, string[]]> = [
  ['氨基酸温和洁面乳', ['玻尿酸补水保湿面膜', '修护舒缓爽肤水']],
  ['玻尿酸补水保湿面膜', ['烟酰胺提亮精华液', '修护舒缓爽肤水']],
  ['烟酰胺提亮精华液', ['保湿修护面霜', '清透防晒乳']],
  ['修护舒缓爽肤水', ['保湿修护面霜']],
  ['温和卸妆水', ['氨基酸温和洁面乳']],
  ['丝绒雾面口红', ['水润唇釉']],
  ['柔雾持妆粉底液', ['化妆刷套装', '多用途气垫']],
  ['大地色九宫格眼影盘', ['纤长卷翘睫毛膏', '化妆刷套装']],
  ['法式复古碎花连衣裙', ['复古小方包', '真丝印花方巾']],
  ['高腰阔腿牛仔裤', ['纯棉宽松短袖T恤', '法式方领泡泡袖衬衫']],
  ['羊毛混纺双面呢大衣', ['保暖羊绒围巾', '一字领修身针织毛衣']],
  ['轻薄白鸭绒羽绒服', ['保暖羊绒围巾', '加厚保暖打底裤']],
  ['休闲运动卫衣', ['百褶半身裙', '加厚保暖打底裤']],
  ['直筒西装裤', ['法式方领泡泡袖衬衫']],
];

/** 搭配套餐: each cheaper than its items bought one by one. */
const BUNDLES: Array<{ title: string; priceFen: number; items: string[] }> = [
  {
    title: '敏感肌修护组合（面膜+精华+爽肤水）',
    priceFen: 29900,
    items: ['玻尿酸补水保湿面膜', '烟酰胺提亮精华液', '修护舒缓爽肤水'],
  },
  { title: '秋冬保暖搭配（大衣+围巾）', priceFen: 79900, items: ['羊毛混纺双面呢大衣', '保暖羊绒围巾'] },
];

/** Seeds related products and bundles for the demo catalogue, so 连带需求 shows for the demo buyers. */
export async function seedCatalogueLinks(
  trx: Transaction<Database>,
  shopId: string,
  products: Array<{ id: string; title: string }>,
  at: string,
) {
  const idOf = (prefix: string) => {
    const product = products.find((p) => p.title.startsWith(prefix));
    if (!product) throw new Error(`demo catalogue has no product "${prefix}"`);
    return product.id;
  };
  await insertDemoProductRelations(
    trx,
    RELATED.flatMap(([from, to]) =>
      to.map((title, position) => ({
        shop_id: shopId,
        product_id: idOf(from),
        related_id: idOf(title),
        position,
        created_at: at,
      })),
    ),
  );
  for (const bundle of BUNDLES) {
    const id = newId();
    await insertDemoBundle(
      trx,
      { id, shop_id: shopId, title: bundle.title, price_fen: bundle.priceFen, created_at: at, updated_at: at },
      bundle.items.map((title, position) => ({ bundle_id: id, product_id: idOf(title), quantity: 1, position })),
    );
  }
}
