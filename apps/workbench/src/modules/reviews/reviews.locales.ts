import { i18next } from '../../platform/i18n';

/**
 * 评价 strings (the 售后 page's third tab), merged under `reviews.*`. Review levels and outcomes come from contracts'
 * status words (statusWord('reviewLevel' | 'reviewOutcome', …)), not from here.
 */
const zhCN = {
  reviews: {
    tab: '评价',
    scope: { all: '全部', open: '中差评待跟进', done: '已处理' },
    allLevels: '全部评价',
    refresh: '刷新',
    empty: {
      all: '还没有评价：可在「导入」页导入评价文件，或由店铺系统推送',
      open: '没有待跟进的中差评',
      done: '还没有记录结果的评价',
    },
    column: {
      rating: '评分',
      level: '等级',
      text: '评价内容',
      order: '订单号',
      buyer: '买家',
      followUp: '跟进',
      outcome: '结果',
    },
    noText: '（买家未填写内容）',
    reviewedAt: '评价于 {{time}}',
    pictures: '评价图片 {{index}}',
    cases: '售后单',
    openChat: '打开与该买家的会话',
    noChat: '该买家还没有会话',
    noFollowUp: '无需跟进',
    due: '截止 {{time}}',
    overdue: '已超时',
    followUpDone: '已完成',
    by: '{{name}} · {{time}}',
    record: '记录结果',
    modal: {
      title: '记录跟进结果',
      summary: '{{stars}} 星 · 订单 {{orderNo}}',
      outcome: '跟进结果',
      outcomeRequired: '请选择跟进结果',
      hint: {
        revised: '买家已追评或修改为好评',
        explained: '已在评价下公开解释',
        no_reply: '联系后买家未回复',
        appealed: '恶意差评，已向平台申诉',
      },
      note: '备注',
      notePlaceholder: '可选，如：电话沟通后买家同意追评',
      submit: '保存',
      cancel: '取消',
      saved: '已记录：{{outcome}}',
    },
    weeks: {
      title: '近 8 周评价',
      hint: '按评价时间（中国时间）每周统计；中差评的跟进结果按评价所在周统计',
      levels: '评价等级',
      outcomes: '中差评跟进',
      open: '待跟进',
      none: '近 8 周没有评价',
      week: '{{date}} 周',
      cashbackTitle: '本店设置了好评返现，请遵守平台规则：',
    },
  },
};

const en: typeof zhCN = {
  reviews: {
    tab: 'Reviews',
    scope: { all: 'All', open: 'To follow up', done: 'Handled' },
    allLevels: 'All levels',
    refresh: 'Refresh',
    empty: {
      all: 'No reviews yet: import a review file on the Import page, or let the store integration send them',
      open: 'No neutral or negative reviews to follow up',
      done: 'No outcomes recorded yet',
    },
    column: {
      rating: 'Rating',
      level: 'Level',
      text: 'Review',
      order: 'Order no.',
      buyer: 'Buyer',
      followUp: 'Follow-up',
      outcome: 'Outcome',
    },
    noText: '(no text)',
    reviewedAt: 'Reviewed {{time}}',
    pictures: 'Review picture {{index}}',
    cases: 'Case',
    openChat: 'Open the chat with this buyer',
    noChat: 'This buyer has no chat yet',
    noFollowUp: 'No follow-up needed',
    due: 'Due {{time}}',
    overdue: 'Overdue',
    followUpDone: 'Done',
    by: '{{name}} · {{time}}',
    record: 'Record outcome',
    modal: {
      title: 'Record the follow-up outcome',
      summary: '{{stars}} stars · order {{orderNo}}',
      outcome: 'Outcome',
      outcomeRequired: 'Choose the outcome',
      hint: {
        revised: 'The buyer added a follow-up or changed it to a good review',
        explained: 'The shop answered publicly under the review',
        no_reply: 'The buyer did not answer',
        appealed: 'A malicious review, appealed to the marketplace',
      },
      note: 'Note',
      notePlaceholder: 'Optional, e.g. after a call the buyer agreed to add a follow-up review',
      submit: 'Save',
      cancel: 'Cancel',
      saved: 'Recorded: {{outcome}}',
    },
    weeks: {
      title: 'Reviews, last 8 weeks',
      hint: 'Per week of review (China time); follow-up outcomes count in the week of their review',
      levels: 'Review levels',
      outcomes: 'Follow-ups',
      open: 'open',
      none: 'No reviews in the last 8 weeks',
      week: 'Week of {{date}}',
      cashbackTitle: 'This shop offers a good-review cashback; mind the marketplace rule:',
    },
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
