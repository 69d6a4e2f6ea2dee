import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type UiLanguage } from '../i18n';

/** 中文 / English toggle; the choice also changes the server's error language (Accept-Language). */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const value: UiLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Segmented<UiLanguage>
      size="small"
      value={value}
      onChange={(language) => void setLanguage(language)}
      options={[
        { label: '中文', value: 'zh-CN' },
        // Short, so the header keeps its room in both languages; the tooltip spells it out.
        { label: 'EN', value: 'en', title: 'English' },
      ]}
      data-testid="language-switch"
    />
  );
}
