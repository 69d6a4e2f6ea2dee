import {
  ApiOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  LikeOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { can } from '@golddesk/contracts';
import { Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../platform/session';
import { SectionedPage } from '../../platform/ui/SectionedPage';
import { loadAftersalePolicySection } from '../cases';
import { loadQualityRulesSection } from '../quality';
import { BusinessHoursSection } from '../shop-hours';
import { SatisfactionSettingsSection } from '../satisfaction';
import { IntegrationSection } from './IntegrationSection';
import { WebhooksSection } from './WebhooksSection';
import './settings.locales';
import './settings.css';

// Its own chunk, fetched when the section is first shown.
const AftersalePolicySection = lazy(() =>
  loadAftersalePolicySection().then((module) => ({ default: module.AftersalePolicySection })),
);

const QualityRulesSection = lazy(() => loadQualityRulesSection().then((module) => ({ default: module.QualityRulesSection })));

// Later issues add their sections here (营业时间 …): one entry each, the page needs no other change.
const SECTIONS: { key: string; icon: ReactNode; render: (session: Session) => ReactNode }[] = [
  { key: 'integration', icon: <ApiOutlined />, render: (session) => <IntegrationSection session={session} /> },
  { key: 'webhooks', icon: <SendOutlined />, render: (session) => <WebhooksSection session={session} /> },
  { key: 'businessHours', icon: <ClockCircleOutlined />, render: (session) => <BusinessHoursSection session={session} /> },
  {
    key: 'aftersalePolicy',
    icon: <CustomerServiceOutlined />,
    render: (session) => <AftersalePolicySection session={session} />,
  },
  { key: 'satisfaction', icon: <LikeOutlined />, render: () => <SatisfactionSettingsSection /> },
  { key: 'qualityRules', icon: <SafetyCertificateOutlined />, render: (session) => <QualityRulesSection session={session} /> },
];

/** 设置: the shop's configuration, one section per menu entry on the left (owner and manager). */
export function SettingsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  if (!can(session, 'settings.open')) {
    return (
      <main className="sectioned-page" data-testid="page-settings">
        <Result status="403" subTitle={t('settings.forbidden')} />
      </main>
    );
  }
  return (
    <SectionedPage
      title={t('settings.title')}
      icon={<SettingOutlined />}
      testId="settings"
      sections={SECTIONS.map((s) => ({
        key: s.key,
        icon: s.icon,
        label: t(`settings.menu.${s.key}`),
        content: s.render(session),
      }))}
    />
  );
}
