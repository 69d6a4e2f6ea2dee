import { i18next } from '../../../platform/i18n';

/** 表情 picker strings, merged under `chat.emoji.*`. */
const zhCN = { chat: { emoji: { button: '表情', title: '选择表情', hint: '点击插入 · Esc 关闭' } } };
const en = { chat: { emoji: { button: 'Emoji', title: 'Pick an emoji', hint: 'Click to insert · Esc to close' } } };

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
