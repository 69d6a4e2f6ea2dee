import { i18next } from '../../platform/i18n';

// The header link's words load with the module's door (the header is eager); the page's own words come with its chunk.
i18next.addResourceBundle('zh-CN', 'translation', { nav: { quality: '质检' } }, true, false);
i18next.addResourceBundle('en', 'translation', { nav: { quality: 'Quality' } }, true, false);
