import { ApiOutlined, SendOutlined, SettingOutlined } from '@ant-design/icons';
import { Menu, Result } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../platform/session';
import { IntegrationSection } from './IntegrationSection';
import { WebhooksSection } from './WebhooksSection';
import './settings.locales';
import './settings.css';

interface SettingsSection {
  /** Menu key and the `settings.menu.<key>` label. */
  key: string;
  icon: ReactNode;
  render: (session: Session) => ReactNode;
}

// Later issues add their sections here (营业时间, 自动回复 …): one entry each, the page needs no other change.
const SECTIONS: SettingsSection[] = [
  { key: 'integration', icon: <ApiOutlined />, render: (session) => <IntegrationSection session={session} /> },
  { key: 'webhooks', icon: <SendOutlined />, render: (session) => <WebhooksSection session={session} /> },
];

/** 设置: the shop's configuration, one section per menu entry on the left (owner and manager). */
export function SettingsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(SECTIONS[0]!.key);
  if (session.agent.role !== 'owner' && session.agent.role !== 'manager') {
    return (
      <main className="settings-page" data-testid="page-settings">
        <Result status="403" subTitle={t('settings.forbidden')} />
      </main>
    );
  }
  const section = SECTIONS.find((s) => s.key === active) ?? SECTIONS[0]!;
  return (
    <main className="settings-page" data-testid="page-settings">
      <div className="settings-layout">
        <aside className="settings-menu">
          <div className="settings-menu-title">
            <SettingOutlined /> {t('settings.title')}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[section.key]}
            onClick={({ key }) => setActive(key)}
            items={SECTIONS.map((s) => ({
              key: s.key,
              icon: s.icon,
              label: <span data-testid={`settings-menu-${s.key}`}>{t(`settings.menu.${s.key}`)}</span>,
            }))}
          />
        </aside>
        <section className="settings-content" data-testid={`settings-section-${section.key}`}>
          <h2 className="settings-section-title">{t(`settings.menu.${section.key}`)}</h2>
          {section.render(session)}
        </section>
      </div>
    </main>
  );
}
