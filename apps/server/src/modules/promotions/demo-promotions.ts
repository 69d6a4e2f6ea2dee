import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { insertPromotions } from './promotion.repository.js';

const DAY = 86_400_000;

/** The demo shop's Double-11 set around `now`: four running (预售, 满减, 包邮, a new-follower coupon), one ended. */
export async function seedDemoPromotions(db: Queryable, props: { shopId: string; now: Date }) {
  const at = (days: number) => new Date(props.now.getTime() + days * DAY).toISOString();
  const created = at(-14);
  const rows = [
    {
      kind: 'presale',
      title: '双11预售',
      deposit_fen: 5000,
      amount_fen: 10000,
      threshold_fen: null,
      note: '',
      link: 'https://example.com/demo-shop/presale',
      starts_at: at(-3),
      ends_at: at(7),
    },
    {
      kind: 'full_reduction',
      title: '全店满减',
      deposit_fen: null,
      amount_fen: 2000,
      threshold_fen: 19900,
      note: '',
      link: null,
      starts_at: at(-2),
      ends_at: at(10),
    },
    {
      kind: 'free_shipping',
      title: '满88包邮',
      deposit_fen: null,
      amount_fen: null,
      threshold_fen: 8800,
      note: '',
      link: null,
      starts_at: at(-10),
      ends_at: at(30),
    },
    {
      kind: 'coupon',
      title: '新粉专享券',
      deposit_fen: null,
      amount_fen: 500,
      threshold_fen: 0,
      note: '关注店铺即可领取',
      link: 'https://example.com/demo-shop/coupon',
      starts_at: at(-1),
      ends_at: at(14),
    },
    {
      kind: 'other',
      title: '国庆焕新季',
      deposit_fen: null,
      amount_fen: null,
      threshold_fen: null,
      note: '秋冬新品 9 折',
      link: null,
      starts_at: at(-45),
      ends_at: at(-30),
    },
  ];
  await insertPromotions(
    db,
    rows.map((row) => ({ id: newId(), shop_id: props.shopId, ...row, created_at: created, updated_at: created })),
  );
}
