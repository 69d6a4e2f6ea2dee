import { i18next } from '../i18n';

/** 复制链接's words, merged into the app's translations. */
const zhCN = { link: { copy: '复制链接', copied: '链接已复制，发给同事即可打开', failed: '没能复制，请手动复制地址栏' } };
const en: typeof zhCN = {
  link: { copy: 'Copy link', copied: 'Link copied: a colleague can open it', failed: 'Could not copy: copy the address bar' },
};

// Deep-merged, so the shared locale files stay untouched.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
