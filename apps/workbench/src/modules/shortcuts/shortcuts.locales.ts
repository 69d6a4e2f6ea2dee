import { i18next } from '../../platform/i18n';

/** Keyboard-shortcut strings (the ? overlay, tooltips, notices), merged under `shortcuts.*`. */
const zhCN = {
  shortcuts: {
    title: '键盘快捷键',
    withKey: '{{label}}（{{key}}）',
    open: '快捷键（?）',
    hint: '在输入框外按 ? 打开本帮助。Alt 组合键在打字时也可用，不影响中文输入法。',
    emptyHint: '按 ? 查看键盘快捷键',
    action: {
      nextWaiting: '下一个待接待买家（等待最久的在前）',
      previousWaiting: '上一个待接待买家',
      nextUnread: '下一个有未读消息的会话',
      take: '接待当前会话',
      close: '结束当前会话（回车确认）',
      help: '打开 / 关闭本帮助',
    },
    none: {
      waiting: '没有其他待接待的买家',
      unread: '没有其他未读会话',
      take: '当前会话无需接待',
      close: '当前没有可结束的会话',
    },
  },
};

const en = {
  shortcuts: {
    title: 'Keyboard shortcuts',
    withKey: '{{label}} ({{key}})',
    open: 'Shortcuts (?)',
    hint: 'Press ? outside a text field to open this help. Alt shortcuts work while typing and leave the Chinese IME alone.',
    emptyHint: 'Press ? for keyboard shortcuts',
    action: {
      nextWaiting: 'Next waiting buyer (longest wait first)',
      previousWaiting: 'Previous waiting buyer',
      nextUnread: 'Next conversation with unread messages',
      take: 'Take the open conversation',
      close: 'End the open conversation (Enter confirms)',
      help: 'Open / close this help',
    },
    none: {
      waiting: 'No other buyer is waiting',
      unread: 'No other conversation has unread messages',
      take: 'This conversation needs no taking',
      close: 'No open conversation to end',
    },
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
