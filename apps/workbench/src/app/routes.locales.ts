import { i18next } from '../platform/i18n';

/** The 404 page's words, merged into the app's translations. */
const zhCN = {
  notFound: { title: '没有这个页面', hint: '链接可能抄错了，或者这个页面已经不在了。', home: '回到工作台' },
};
const en: typeof zhCN = {
  notFound: { title: 'No such page', hint: 'The link may be mistyped, or the page is gone.', home: 'Back to the workbench' },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
