import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { insertRules } from './auto-reply.repository.js';

/**
 * The demo shop's rules: the welcome with the running promotions and the 包邮 keyword rule start enabled, so a
 * seller trying the demo sees them at once; the owner switches the others on in 自动化 → 自动回复. Facts (包邮门槛,
 * 营业时间, campaigns) come by variable from 店铺活动 and 营业时间, the same values the quick replies use.
 */
export async function seedDemoAutoReplies(db: Queryable, props: { shopId: string; at: string }) {
  const rule = (
    kind: string,
    name: string,
    text: string,
    extra: { enabled?: boolean; priority?: number; keywords?: string[]; cooldown?: number; params?: object } = {},
  ) => ({
    id: newId(),
    shop_id: props.shopId,
    kind,
    name,
    enabled: extra.enabled ? 1 : 0,
    priority: extra.priority ?? 100,
    keywords_json: JSON.stringify(extra.keywords ?? []),
    match_mode: 'contains',
    text,
    cooldown_minutes: extra.cooldown ?? 0,
    params_json: JSON.stringify({ afterHours: 0, maxQueue: 10, maxWaitSeconds: 0, delaySeconds: 60, ...extra.params }),
    created_at: props.at,
    updated_at: props.at,
  });
  await insertRules(db, [
    rule(
      'welcome',
      '首次进店欢迎语',
      '亲，欢迎光临{店铺名}～\n本店正在进行：{店铺活动}\n{活动链接}\n有任何问题直接留言，客服马上为您解答哦！',
      { enabled: true, params: { afterHours: 24 } },
    ),
    rule(
      'offline',
      '下班时间自动回复',
      '亲，现在是下班时间，客服在线时间是{营业时间}，上线后第一时间回复您～\n本店活动：{店铺活动}',
      { cooldown: 60 },
    ),
    rule('busy', '咨询高峰排队提示', '亲，现在咨询的买家较多，客服正在逐一回复，请稍等片刻哦～', {
      cooldown: 10,
      params: { maxQueue: 10, maxWaitSeconds: 120 },
    }),
    rule('delayed', '客服未及时回复', '亲，客服正在赶来的路上，请稍等一下下～ 您也可以先看看本店活动：{店铺活动}', {
      cooldown: 10,
      params: { delaySeconds: 60 },
    }),
    rule('keyword', '包邮说明', '亲，本店{包邮门槛}包邮，偏远地区（新疆、西藏等）需补运费，下单前可以问客服哦～', {
      enabled: true,
      priority: 10,
      keywords: ['包邮', '运费'],
      cooldown: 5,
    }),
    rule('keyword', '尺码咨询', '亲，告诉我们您的身高和体重，客服帮您推荐合适的尺码哦～ 商品详情页也有尺码表可以参考。', {
      priority: 20,
      keywords: ['尺码', '什么码', '多大码'],
    }),
  ]);
}
