/** Chat histories of the demo shop: ['b', text] from the buyer, ['a', agent username, text] from an agent. */
export type DemoLine = ['b', string] | ['a', string, string];

export interface DemoConversation {
  /** Index into BUYER_NICKS. */
  buyer: number;
  /** Minutes ago the first line was written. */
  startedMinutesAgo: number;
  lines: DemoLine[];
  /** Leave the last buyer message unanswered (shows in 待接待 with a wait timer). */
  waiting?: boolean;
}

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    buyer: 0,
    startedMinutesAgo: 2,
    waiting: true,
    lines: [
      ['b', '在吗？这款碎花连衣裙还有M码吗'],
      ['b', '我身高162，体重50kg，穿M合适吗'],
    ],
  },
  { buyer: 1, startedMinutesAgo: 1, waiting: true, lines: [['b', '亲，今天下单什么时候发货呀？']] },
  {
    buyer: 2,
    startedMinutesAgo: 40,
    lines: [
      ['b', '你好，我的快递三天了还没到'],
      ['a', 'presale1', '亲，您好！非常理解您着急的心情，麻烦您提供一下订单号，我马上帮您查询物流哦~'],
      ['b', '订单号在订单里，你们看一下'],
      ['a', 'aftersale1', '亲，已经帮您查到了，包裹目前在杭州转运中心，预计明天送达，我们会持续帮您跟进的哈'],
      ['b', '好的谢谢'],
      ['a', 'aftersale1', '不客气哦亲，有任何问题随时找我们~'],
    ],
  },
  {
    buyer: 3,
    startedMinutesAgo: 95,
    lines: [
      ['b', '口红#02豆沙色适合黄皮吗'],
      ['a', 'presale1', '亲，豆沙色很显白哦，黄皮姐妹用得也很多，日常通勤非常百搭~'],
      ['b', '能便宜点吗？'],
      ['a', 'presale1', '亲，我们店商品都是实价哦，因为用料和品控都是一样的标准；现在店铺满199减20，搭配唇釉一起更划算呢'],
      ['b', '那我再看看'],
    ],
  },
  {
    buyer: 4,
    startedMinutesAgo: 180,
    lines: [
      ['b', '收到的面膜包装破了一片'],
      ['a', 'aftersale1', '亲，真的非常抱歉给您带来不好的体验！麻烦您拍一下破损的面膜和外包装照片发给我们，我们马上为您处理'],
      ['b', '好的我拍一下'],
      ['a', 'aftersale1', '收到照片了亲，给您补发一片同款面膜，今天就安排发出，再次向您说声抱歉，感谢您的理解~'],
    ],
  },
  {
    buyer: 5,
    startedMinutesAgo: 300,
    lines: [
      ['b', '大衣是纯羊毛的吗'],
      ['a', 'presale1', '亲，这款是羊毛混纺双面呢，羊毛含量 50%，保暖性和挺括度都很好，详情页有成分吊牌实拍哦'],
      ['b', '160/52穿什么码'],
      ['a', 'presale1', '亲，按您的身高体重建议选 M 码，喜欢宽松一点可以选 L 码哦'],
      ['b', '好的，拍了'],
      ['a', 'presale1', '感谢亲的支持！我们会尽快为您安排发货，有任何问题随时联系我们~'],
    ],
  },
  {
    buyer: 6,
    startedMinutesAgo: 420,
    lines: [
      ['b', '怎么还不发货'],
      ['a', 'support1', '亲，您好，您的订单已经在打包中，今天下午 5 点前会发出，发货后物流单号会同步到订单里哦'],
    ],
  },
  {
    buyer: 7,
    startedMinutesAgo: 600,
    lines: [
      ['b', '我想改一下收货地址'],
      ['a', 'support1', '亲，可以的，订单还没有发货，麻烦您把新的收货地址发给我哦'],
      ['b', '江苏省南京市鼓楼区中山北路120号 王女士 13800001234'],
      ['a', 'support1', '已经帮您修改好了，请您核对一下订单里的地址哦~'],
    ],
  },
  {
    buyer: 8,
    startedMinutesAgo: 900,
    lines: [
      ['b', '买了江西的鱼丝，还有别的特产吗'],
      ['a', 'presale1', '亲，我们小店主要是美妆和服饰哦，不过最近新上了保暖羊绒围巾，冬天送家人很合适，您可以看看~'],
    ],
  },
  {
    buyer: 9,
    startedMinutesAgo: 1440,
    lines: [
      ['b', '连衣裙洗了一次就褪色了！'],
      ['a', 'aftersale1', '亲，非常抱歉给您带来困扰，请问您是怎么洗涤的呢？我们详情页有提示浅色面料建议冷水手洗哦'],
      ['b', '机洗的，那也不能褪成这样吧'],
      ['a', 'aftersale1', '理解您的心情，我这边给您申请一张 10 元无门槛优惠券作为补偿，您看可以吗？'],
      ['b', '好吧'],
      ['a', 'aftersale1', '感谢您的理解和支持，优惠券已经发到您的账户里了哦~'],
    ],
  },
  {
    buyer: 10,
    startedMinutesAgo: 5,
    waiting: true,
    lines: [
      ['b', '双十一有活动吗？'],
      ['b', '领券在哪里领'],
    ],
  },
  {
    buyer: 11,
    startedMinutesAgo: 2000,
    lines: [
      ['b', '防晒乳要卸妆吗'],
      ['a', 'presale1', '亲，这款防晒是需要卸妆的哦，用温和卸妆水就可以轻松卸干净~'],
      ['b', '那一起拍卸妆水'],
      ['a', 'presale1', '好的亲，两件一起拍满 199 还能减 20 哦'],
    ],
  },
];
