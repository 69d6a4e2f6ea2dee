import { i18next } from '../platform/i18n';

/** The header's own strings, merged into the app's translations. */
const zhCN = { header: { more: '更多', navigation: '页面导航' } };
const en: typeof zhCN = { header: { more: 'More', navigation: 'Pages' } };

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
