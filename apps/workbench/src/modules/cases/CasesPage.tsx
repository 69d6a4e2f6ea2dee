import { can } from '@golddesk/contracts';
import { CustomerServiceOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../platform/session';
import { ReviewsPanel } from '../reviews';
import { TaskInbox } from '../tasks';
import { openCaseView } from './case.store';
import { CaseList } from './CaseList';
import { useCaseAddress } from './use-case-address';
import './cases.locales';
import './cases.css';

// The charts (echarts) load only for those who see them.
const CaseFigures = lazy(() => import('./figures/CaseFigures').then((m) => ({ default: m.CaseFigures })));

/**
 * 售后: the figures (owner, manager), the case list (我的 / 团队 / 已超时), the 协同任务 inbox and 评价; rows open the case
 * view, whose case is then in the address (/cases/:caseId).
 */
export function CasesPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('cases');
  useCaseAddress();
  return (
    <main className="cases-page" data-testid="page-cases">
      {can(session, 'cases.see_figures') && (
        <Suspense fallback={null}>
          <CaseFigures />
        </Suspense>
      )}
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
            {
              key: 'reviews',
              label: <span data-testid="tab-reviews">{t('reviews.tab')}</span>,
              children: <ReviewsPanel session={session} onOpenCase={openCaseView} />,
            },
          ]}
        />
      </Card>
    </main>
  );
}
