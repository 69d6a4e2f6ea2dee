import { i18next } from '../../platform/i18n';

const zhCN = {
  promotions: {
    intro: '店铺当前的活动。进行中的活动会出现在自动回复和快捷短语的 {店铺活动} 变量里，欢迎语会附上活动链接。',
    readOnly: '只有店长和主管可以修改店铺活动。',
    add: '新建活动',
    edit: '编辑',
    delete: '删除',
    deleteConfirm: '删除这个活动？',
    saved: '已保存',
    deleted: '已删除',
    activeLine: '买家看到的 {店铺活动}：',
    none: '（当前没有进行中的活动）',
    kinds: { presale: '预售', full_reduction: '满减', coupon: '优惠券', free_shipping: '包邮', other: '其他' },
    status: { upcoming: '未开始', active: '进行中', ended: '已结束' },
    columns: { kind: '类型', title: '活动', summary: '买家看到的说明', dates: '时间', status: '状态', link: '链接' },
    form: {
      titleNew: '新建店铺活动',
      titleEdit: '编辑店铺活动',
      kind: '类型',
      title: '活动名称',
      deposit: '定金（元）',
      depositFor: '可抵（元）',
      threshold: '满（元，0 = 无门槛）',
      reduce: '减（元）',
      couponValue: '面额（元）',
      shippingThreshold: '满多少包邮（元，0 = 全场包邮）',
      note: '说明（可选，如：关注店铺即可领取）',
      link: '活动链接（可选，http(s)://…）',
      dates: '活动时间',
      save: '保存',
      cancel: '取消',
    },
  },
};

const en: typeof zhCN = {
  promotions: {
    intro:
      "The shop's campaigns. Running ones fill the {店铺活动} variable of auto-replies and quick replies; the welcome adds their links.",
    readOnly: 'Only the owner and managers can change promotions.',
    add: 'New promotion',
    edit: 'Edit',
    delete: 'Delete',
    deleteConfirm: 'Delete this promotion?',
    saved: 'Saved',
    deleted: 'Deleted',
    activeLine: 'Buyers read {店铺活动} as:',
    none: '(no promotion running now)',
    kinds: {
      presale: 'Presale',
      full_reduction: 'Spend & save',
      coupon: 'Coupon',
      free_shipping: 'Free shipping',
      other: 'Other',
    },
    status: { upcoming: 'Upcoming', active: 'Running', ended: 'Ended' },
    columns: { kind: 'Kind', title: 'Promotion', summary: 'What buyers read', dates: 'Dates', status: 'Status', link: 'Link' },
    form: {
      titleNew: 'New promotion',
      titleEdit: 'Edit promotion',
      kind: 'Kind',
      title: 'Name',
      deposit: 'Deposit (¥)',
      depositFor: 'Counts as (¥)',
      threshold: 'Orders over (¥, 0 = no minimum)',
      reduce: 'Save (¥)',
      couponValue: 'Value (¥)',
      shippingThreshold: 'Free shipping over (¥, 0 = always)',
      note: 'Note (optional)',
      link: 'Link (optional, http(s)://…)',
      dates: 'Dates',
      save: 'Save',
      cancel: 'Cancel',
    },
  },
};

i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
