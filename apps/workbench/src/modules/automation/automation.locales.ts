import { i18next } from '../../platform/i18n';

/** 自动化 page strings (the sections bring their own). */
const zhCN = {
  automation: {
    title: '自动化',
    menu: { quickReplies: '快捷短语', autoReplies: '自动回复', promotions: '店铺活动', reminders: '催付', broadcasts: '群发' },
  },
};

const en: typeof zhCN = {
  automation: {
    title: 'Automation',
    menu: {
      quickReplies: 'Quick replies',
      autoReplies: 'Auto-replies',
      promotions: 'Promotions',
      reminders: 'Payment reminders',
      broadcasts: 'Broadcasts',
    },
  },
};

i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
