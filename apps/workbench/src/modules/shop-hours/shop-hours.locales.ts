import { i18next } from '../../platform/i18n';

const zhCN = {
  settings: { menu: { businessHours: '营业时间' } },
  shopHours: {
    intro: '按中国时间（UTC+8）。营业时间以外和节假日，买家会收到“离线回复”（自动化 → 自动回复）；免打扰时段内不发催付提醒。',
    openNow: '现在：营业中',
    closedNow: '现在：休息中',
    quietNow: '免打扰时段中',
    business: '营业时间',
    sameEveryDay: '每天相同',
    everyDay: '每天',
    closed: '休息',
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    crossMidnight: '结束早于开始表示营业到次日',
    holidays: '节假日（全天休息）',
    holidayLabel: '名称（可选）',
    addHoliday: '添加',
    noHolidays: '没有设置节假日',
    quiet: '免打扰时段（不发催付提醒）',
    save: '保存',
    saved: '营业时间已保存',
  },
};

const en: typeof zhCN = {
  settings: { menu: { businessHours: 'Business hours' } },
  shopHours: {
    intro:
      'China time (UTC+8). Outside business hours and on holidays buyers get the offline auto-reply (Automation → Auto-replies); no payment reminders are sent during the quiet hours.',
    openNow: 'Now: open',
    closedNow: 'Now: closed',
    quietNow: 'quiet hours',
    business: 'Business hours',
    sameEveryDay: 'Same every day',
    everyDay: 'Every day',
    closed: 'Closed',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    crossMidnight: 'An end before the start runs past midnight',
    holidays: 'Holidays (closed all day)',
    holidayLabel: 'Label (optional)',
    addHoliday: 'Add',
    noHolidays: 'No holidays',
    quiet: 'Quiet hours (no payment reminders)',
    save: 'Save',
    saved: 'Business hours saved',
  },
};

i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
