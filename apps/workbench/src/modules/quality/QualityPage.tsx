import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { QualityScorecardResponse } from '@golddesk/contracts';
import { App as AntApp, Button, Card, Popconfirm, Skeleton, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTab } from '../../platform/navigation';
import type { Session } from '../../platform/session';
import { useCan } from '../../platform/use-can';
import { errorMessage } from '../../platform/api-client';
import { fetchScorecard, reinspect } from './quality-inspection.api';
import { MineTab } from './MineTab';
import { SampleTab } from './SampleTab';
import { ScorecardEditor } from './ScorecardEditor';
import './quality.locales';
import './quality-inspection.locales';
import './quality.css';
import './quality-page.css';

/**
 * 质检 (every agent): 抽检 — managers sample sessions (random, lowest score, badly rated), read them with the hits
 * marked and score them on the scorecard; 我的质检 — an agent's own scores, hits and the managers' reviews; 评分表 — the
 * scorecard the shop edits (managers).
 */
export function QualityPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const can = useCan();
  const inspects = can('quality.inspect');
  const configures = can('quality.configure');
  const [tab, setTab] = usePageTab(inspects ? 'sample' : 'mine');
  const [scorecard, setScorecard] = useState<QualityScorecardResponse | null>(null);
  const [revision, setRevision] = useState(0);
  const [reinspecting, setReinspecting] = useState(false);
  const { message } = AntApp.useApp();

  async function inspectAgain() {
    setReinspecting(true);
    try {
      const done = await reinspect();
      void message.success(t('qualityPage.reinspected', done));
      setRevision((n) => n + 1);
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setReinspecting(false);
    }
  }

  useEffect(() => {
    if (!inspects && !configures) return;
    const controller = new AbortController();
    fetchScorecard(controller.signal).then(setScorecard, () => undefined);
    return () => controller.abort();
  }, [inspects, configures]);

  const items = [
    ...(inspects
      ? [
          {
            key: 'sample',
            label: <span data-testid="tab-sample">{t('qualityPage.tabs.sample')}</span>,
            children: <SampleTab scorecard={scorecard?.scorecard ?? null} reviewerId={session.agent.id} />,
          },
        ]
      : []),
    {
      key: 'mine',
      label: <span data-testid="tab-mine">{t('qualityPage.tabs.mine')}</span>,
      children: <MineTab team={inspects} />,
    },
    ...(inspects || configures
      ? [
          {
            key: 'scorecard',
            label: <span data-testid="tab-scorecard">{t('qualityPage.tabs.scorecard')}</span>,
            children: scorecard ? (
              <ScorecardEditor saved={scorecard} editable={configures} onSaved={setScorecard} />
            ) : (
              <Skeleton active />
            ),
          },
        ]
      : []),
  ];

  return (
    <main className="quality-page" data-testid="page-quality">
      <Card
        className="quality-page-card"
        variant="borderless"
        title={
          <span className="team-title">
            <SafetyCertificateOutlined />
            {t('qualityPage.title')}
          </span>
        }
        extra={
          configures && (
            <Popconfirm title={t('qualityPage.reinspectConfirm')} onConfirm={() => void inspectAgain()}>
              <Button icon={<ReloadOutlined />} loading={reinspecting} data-testid="quality-reinspect">
                {t('qualityPage.reinspect')}
              </Button>
            </Popconfirm>
          )
        }
      >
        <Tabs
          key={revision}
          activeKey={items.some((item) => item.key === tab) ? tab : items[0]!.key}
          onChange={setTab}
          items={items}
          destroyOnHidden
        />
      </Card>
    </main>
  );
}
