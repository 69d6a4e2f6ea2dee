import { i18next } from '../../platform/i18n';

/** The chat box's live 质检 hints, under `chat.phrasing.*`. */
const zhCN = {
  chat: {
    phrasing: {
      suggestion: '建议改为：',
      rewrite: '一键改写',
    },
  },
};

const en: typeof zhCN = {
  chat: {
    phrasing: {
      suggestion: 'Try instead:',
      rewrite: 'Rewrite',
    },
  },
};

i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
