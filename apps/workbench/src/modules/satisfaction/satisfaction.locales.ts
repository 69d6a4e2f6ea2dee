import { i18next } from '../../platform/i18n';

/** 满意度 strings: the lines in the chat, 邀请评价, and the settings section (`settings.menu.satisfaction`). */
const zhCN = {
  settings: { menu: { satisfaction: '满意度评价' } },
  satisfaction: {
    invite: '邀请评价',
    inviteHint: '请买家为本次接待打分（每次接待只邀请一次）',
    invitedAlready: '本次接待已邀请评价',
    invitedToast: '已邀请买家评价',
    invited: {
      closed: '已邀请买家评价（结束接待时自动发出）',
      idle: '已邀请买家评价（买家 {{minutes}} 分钟未回复，自动发出）',
      idleNoMinutes: '已邀请买家评价（买家未回复，自动发出）',
      agent: '{{name}} 邀请了买家评价',
    },
    ratedTitle: '买家评价',
    about: '评价对象：{{name}}',
    noComment: '（未留言）',
    settingsIntro:
      '接待结束时（客服点“结束”，或客服回复后买家一段时间没有再说话）邀请买家为本次服务打分：很满意、满意、一般、不满意、很不满意，并可选原因和留言。每次接待只邀请一次；评价实时显示在客服的聊天窗口里，并计入满意度统计。',
    enabled: '邀请买家评价',
    idleMinutes: '买家未回复多久后邀请',
    minutes: '分钟',
    idleHint: '客服回复后买家这么久没有再说话，视为本次接待结束（1–1440 分钟，默认 10）',
    save: '保存',
    saved: '满意度评价设置已保存',
    readOnly: '只有店长和主管可以修改',
  },
};

const en: typeof zhCN = {
  settings: { menu: { satisfaction: 'Satisfaction ratings' } },
  satisfaction: {
    invite: 'Ask for rating',
    inviteHint: 'Ask the buyer to rate this session (once per session)',
    invitedAlready: 'Already asked to rate this session',
    invitedToast: 'The buyer was asked to rate the service',
    invited: {
      closed: 'Buyer asked to rate the service (sent on closing)',
      idle: 'Buyer asked to rate the service (quiet for {{minutes}} min, sent automatically)',
      idleNoMinutes: 'Buyer asked to rate the service (quiet, sent automatically)',
      agent: '{{name}} asked the buyer to rate the service',
    },
    ratedTitle: 'Buyer rating',
    about: 'For: {{name}}',
    noComment: '(no comment)',
    settingsIntro:
      'When a session ends (an agent clicks Close, or the buyer stays quiet for a while after an answer) the buyer is asked to rate the service: very satisfied, satisfied, okay, dissatisfied or very dissatisfied, with optional reasons and a comment. Once per session; the rating shows in the agent’s chat at once and counts in the satisfaction figures.',
    enabled: 'Ask buyers to rate',
    idleMinutes: 'Ask after the buyer is quiet for',
    minutes: 'min',
    idleHint: 'A buyer quiet this long after an answer has finished (1–1440 minutes, default 10)',
    save: 'Save',
    saved: 'Satisfaction settings saved',
    readOnly: 'Only the owner and managers can change these',
  },
};

i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
