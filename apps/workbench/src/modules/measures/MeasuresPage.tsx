import { AimOutlined, FundOutlined } from '@ant-design/icons';
import type { MeasureTargets } from '@golddesk/contracts';
import { Button, Card, Spin, Tabs } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTab } from '../../platform/navigation';
import type { Session } from '../../platform/session';
import { useCan } from '../../platform/use-can';
import { FactsDrawer, type DrillRequest } from './FactsDrawer';
import { fetchTargets } from './measures.api';
import { MorningBoard } from './MorningBoard';
import { TargetsModal } from './TargetsModal';
import './measures.locales';
import './measures.css';

// The charts (echarts) are their own chunk: the morning board opens without them.
const MeasureCharts = lazy(() => import('./charts/MeasureCharts').then((m) => ({ default: m.MeasureCharts })));

/**
 * 绩效 (every agent): the morning board (yesterday and this week per agent, against the targets) and the charts. A
 * manager sees the team (团队绩效) and sets the targets; an agent sees their own figures (我的绩效). Every figure opens
 * the rows it is computed from; every table exports to CSV and Excel.
 */
export function MeasuresPage(_props: { session: Session }) {
  const { t } = useTranslation();
  const can = useCan();
  const team = can('measures.view_team');
  const [tab, setTab] = usePageTab('board');
  // The page's "today": yesterday and this week stay what they were when the board opened, even past midnight.
  const [now] = useState(() => new Date());
  const [revision, setRevision] = useState(0);
  const [targets, setTargets] = useState<MeasureTargets | null>(null);
  const [editingTargets, setEditingTargets] = useState(false);
  const [drill, setDrill] = useState<DrillRequest | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchTargets(controller.signal).then(setTargets, () => undefined);
    return () => controller.abort();
  }, []);

  return (
    <main className="measures-page" data-testid="page-measures">
      <Card
        className="measures-page-card"
        variant="borderless"
        title={
          <span className="team-title" data-testid="measures-title">
            <FundOutlined />
            {t(team ? 'measures.title.team' : 'measures.title.mine')}
          </span>
        }
        extra={
          can('measures.configure') && (
            <Button icon={<AimOutlined />} onClick={() => setEditingTargets(true)} data-testid="targets-open">
              {t('measures.targets.open')}
            </Button>
          )
        }
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'board',
              label: <span data-testid="tab-board">{t('measures.tabs.board')}</span>,
              children: <MorningBoard team={team} now={now} revision={revision} onDrill={setDrill} />,
            },
            {
              key: 'charts',
              label: <span data-testid="tab-charts">{t('measures.tabs.charts')}</span>,
              children: (
                <Suspense fallback={<Spin className="page-loading" />}>
                  <MeasureCharts team={team} now={now} revision={revision} onDrill={setDrill} />
                </Suspense>
              ),
            },
          ]}
        />
      </Card>
      <FactsDrawer request={drill} onClose={() => setDrill(null)} />
      <TargetsModal
        open={editingTargets}
        targets={targets}
        onClose={() => setEditingTargets(false)}
        onSaved={(saved) => {
          setTargets(saved);
          setEditingTargets(false);
          setRevision((n) => n + 1);
        }}
      />
    </main>
  );
}
