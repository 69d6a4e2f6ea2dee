import { CarOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Card, Tabs } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTab } from '../../platform/navigation';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { openConversation } from '../conversations';
import { ExceptionsTab } from './ExceptionsTab';
import { useOpenExceptionCount } from './logistics.store';
import { RulesTab } from './RulesTab';
import { SettingsTab } from './SettingsTab';
import './logistics.locales';
import './logistics.css';

/** 物流: 异常件 (parcels needing an agent), 快递规则 (courier rules and a quote tester), 通知设置 (buyer notices). */
export function LogisticsPage(_props: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [tab, setTab] = usePageTab('exceptions');
  const open = useOpenExceptionCount();

  // Same as opening a search hit: make sure the conversation is loaded, then show it in the workbench.
  const openChat = useCallback(
    (conversationId: string) => {
      openConversation(conversationId).catch((error: unknown) => void message.error(errorMessage(error)));
    },
    [message],
  );

  return (
    <main className="logistics-page" data-testid="page-logistics">
      <Card
        className="logistics-card"
        variant="borderless"
        title={
          <span className="team-title">
            <CarOutlined />
            {t('logistics.title')}
          </span>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'exceptions',
              label: (
                <span data-testid="tab-exceptions">
                  {t('logistics.tabs.exceptions')} <Badge count={open} size="small" data-testid="exceptions-badge" />
                </span>
              ),
              children: <ExceptionsTab onOpenConversation={openChat} />,
            },
            {
              key: 'rules',
              label: <span data-testid="tab-rules">{t('logistics.tabs.rules')}</span>,
              children: <RulesTab />,
            },
            {
              key: 'settings',
              label: <span data-testid="tab-settings">{t('logistics.tabs.settings')}</span>,
              children: <SettingsTab />,
            },
          ]}
        />
      </Card>
    </main>
  );
}
