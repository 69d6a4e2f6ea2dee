import { i18next } from '../../platform/i18n';

/** Strings of the address dialog's phone masking, merged into the app's translations. */
const zhCN = {
  orders: { address: { phoneMaskedHint: '号码已脱敏显示；不修改则保留原号码' } },
};

const en: typeof zhCN = {
  orders: { address: { phoneMaskedHint: 'The number is masked; leave it as it is to keep it' } },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
