import { i18next } from '../../platform/i18n';

/** Contact-list strings added with the agent-loop work, merged under `contacts.*` (the shared locale files stay untouched). */
const zhCN = {
  contacts: {
    unreadCount: '{{count}} 条未读',
    waitingCount: '{{count}} 位买家在等待',
    /** The browser tab's title; "(3) " goes in front while buyers wait or messages are unread. */
    pageTitle: '金牌客服工作台 GoldDesk',
  },
};

const en = {
  contacts: {
    unreadCount: '{{count}} unread',
    waitingCount: '{{count}} buyers waiting',
    pageTitle: 'GoldDesk workbench',
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
