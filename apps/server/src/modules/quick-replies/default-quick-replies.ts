import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { insertQuickReplies, type QuickReplyRow } from './quick-reply.repository.js';

/**
 * [分组, 快捷编码, 内容]: the team phrases a new shop starts with, answering the questions buyers ask most (发货时间, 快递,
 * 包邮/优惠, 赠品, 尺码, 现货, 物流, 退换, 质量, 发票). Codes are short words whose pinyin initials differ (fh, kd, by…);
 * facts the shop keeps elsewhere come in by variable ({包邮门槛}, {店铺活动}, {营业时间}), never written out.
 * DOMAIN.md language: 亲/您, no negative words, no promises on courier speed. The owner edits them in 自动化 → 快捷短语.
 */
export const DEFAULT_TEAM_PHRASES: readonly (readonly [string, string, string])[] = [
  ['售前', '欢迎', '亲，欢迎光临{店铺名}～我是客服{客服昵称}，有什么可以帮您的吗？'],
  ['售前·发货时间', '发货时间', '亲，现货商品一般在付款后 48 小时内发货，预售商品以详情页标注的发货时间为准哦～'],
  ['售前·发货时间', '今天发', '亲，下午 4 点前付款的现货订单当天安排发出，之后付款的次日发出哦～'],
  [
    '售前·库存',
    '现货',
    '亲，页面上能选的颜色和尺码都是有现货的哦，付款后 48 小时内发货；想要的款式显示缺货的话告诉我，到货第一时间通知您～',
  ],
  [
    '售前·尺码',
    '尺码',
    '亲，参考尺码：身高 150-158cm、体重 40-47kg 选 S；158-165cm、47-54kg 选 M；165-170cm、54-61kg 选 L；170-176cm、61-70kg 选 XL。身高和体重不在同一档时按体重选，喜欢宽松可以大一码哦～',
  ],
  ['售前·尺码', '问尺码', '亲，麻烦告诉我您的身高和体重，我帮您对照尺码表推荐合适的尺码哦～'],
  ['售前·尺码', '偏大偏小', '亲，这款是标准尺码，平时穿 M 的选 M 就可以；喜欢宽松一点的可以大一码哦～'],
  ['售前·包邮', '包邮', '亲，本店{包邮门槛}包邮（新疆、西藏等偏远地区除外），拍下后系统会自动计算运费哦～'],
  ['售前·快递', '快递', '亲，咱们默认根据您的收货地址匹配合适的快递（圆通/申通/中通等），有特别需要可以留言备注哦～'],
  ['售前·优惠', '优惠', '亲，{店铺活动}，现在下单很划算哦～'],
  [
    '售前·优惠',
    '议价',
    '亲，非常理解您想更实惠一些～咱们店商品都是实价哦，因为用料和品控都是统一标准；现在{店铺活动}，搭配购买更划算呢',
  ],
  ['售前·优惠', '赠品', '亲，活动期间下单即送小样一份，数量有限，送完即止哦～'],
  ['售前·在线时间', '在线时间', '亲，客服在线时间是{营业时间}，其他时间留言的话，我们上线后第一时间回复您哦～'],
  ['售后·物流', '发货', '亲，您的订单 {订单号} 已由 {物流公司} 发出，运单号 {物流单号}，请注意查收哦～'],
  [
    '售后·物流',
    '查物流',
    '亲，已为您查询订单 {订单号}，{物流公司} 运单号 {物流单号}，包裹正在运输途中，我们会持续帮您关注的哦～',
  ],
  ['售后·物流', '改地址', '亲，麻烦把新的收货人、电话和地址发给我，我马上帮您修改订单 {订单号} 的收货信息哦～'],
  [
    '售后·退换货',
    '退换',
    '亲，商品签收后 7 天内支持无理由退换（不影响二次销售），在订单页申请退货退款即可，我们收到后会尽快为您处理哦～',
  ],
  ['售后·退换货', '退款进度', '亲，您的退款申请我们已收到，仓库签收退货后会尽快为您办理，请您耐心等待一下哦～'],
  [
    '售后·退换货',
    '换货',
    '亲，换货请在订单页申请，寄回时麻烦附上纸条写明订单号 {订单号} 和想换的尺码/颜色，收到后马上为您换新哦～',
  ],
  [
    '售后·质量问题',
    '质量',
    '亲，真的非常抱歉给您带来不好的体验！麻烦您拍一下问题部位、商品整体和包装清单的照片发给我们，我们马上为您处理',
  ],
  ['售后·质量问题', '破损', '亲，非常抱歉包裹让您受影响了！麻烦拍下破损的商品和外包装照片，我们确认后第一时间为您补发或退款哦～'],
  [
    '售后·发票',
    '发票',
    '亲，本店可以开具电子普通发票哦～确认收货后在订单详情页点「申请开票」，填写抬头和税号即可，开好后会发到您的邮箱～',
  ],
  ['催付', '催付', '亲，您拍下的「{商品名}」还未付款哦，库存有限，付款后我们会尽快为您安排发货～'],
  ['催付', '催付优惠', '亲，您的订单 {订单号}（{付款金额} 元）还在等您付款哦～{店铺活动}，现在付款就能享受哦～'],
  ['感谢', '谢谢', '感谢亲的支持～收到宝贝满意的话记得给个五星好评哦，期待您再次光临{店铺名}！'],
];

/** The default team phrases as rows of a shop, a second apart in list order (the section shows groups in creation order). */
export function defaultTeamPhraseRows(props: { shopId: string; createdBy: string; at: string }): QuickReplyRow[] {
  const at = (i: number) => new Date(Date.parse(props.at) + i * 1000).toISOString();
  return DEFAULT_TEAM_PHRASES.map(([group, code, content], i) => ({
    id: newId(),
    shop_id: props.shopId,
    scope: 'team',
    owner_id: '',
    group_name: group,
    code,
    content,
    attachment_id: null,
    created_by: props.createdBy,
    created_at: at(i),
    updated_at: at(i),
  }));
}

/** Gives a new shop (first-run setup) the default team phrases. */
export async function seedDefaultQuickReplies(
  db: Queryable,
  props: { shopId: string; createdBy: string; at: string },
): Promise<void> {
  await insertQuickReplies(db, defaultTeamPhraseRows(props));
}
