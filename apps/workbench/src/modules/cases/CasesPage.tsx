import { CustomerServiceOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../platform/session';
import { TaskInbox } from '../tasks';
import { openCaseView } from './case.store';
import { CaseList } from './CaseList';
import './cases.locales';
import './cases.css';

/** 售后: the figures (later), the case list (我的 / 团队 / 已超时) and the 协同任务 inbox; rows open the case view. */
export function CasesPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('cases');
  return (
    <main className="cases-page" data-testid="page-cases">
      {/* Charts by type and state, time to resolve, share within SLA and goodwill by agent go here (GET /cases/figures). */}
      <div className="cases-figures" data-testid="case-figures" />
      <Card
        className="cases-card"
        variant="borderless"
        title={
          <span className="team-title">
            <CustomerServiceOutlined />
            {t('cases.page')}
          </span>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'cases',
              label: <span data-testid="tab-cases">{t('cases.tabs.cases')}</span>,
              children: <CaseList session={session} />,
            },
            {
              key: 'tasks',
              label: <span data-testid="tab-tasks">{t('cases.tabs.tasks')}</span>,
              children: <TaskInbox session={session} onOpenCase={openCaseView} />,
            },
          ]}
        />
      </Card>
    </main>
  );
}
