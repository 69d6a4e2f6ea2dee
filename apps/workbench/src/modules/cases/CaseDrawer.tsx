import { GuideStep, type CaseView } from '@golddesk/contracts';
import { Alert, Badge, Drawer, Skeleton, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { paths } from '../../platform/navigation';
import { getSession } from '../../platform/session';
import { useStore } from '../../platform/store';
import { CopyLinkButton } from '../../platform/ui/CopyLinkButton';
import { caseViewStore, closeCaseView, useCase } from './case.store';
import { STATE_COLOR, useCaseWords } from './case-words';
import { getCase } from './cases.api';
import { CaseCompensations } from './CaseCompensations';
import { CaseEvidence } from './CaseEvidence';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { CaseTransitions } from './CaseTransitions';
import { ComplaintGuide } from './ComplaintGuide';
import './cases.locales';
import './cases.css';

/**
 * The case view: a drawer beside the chat (no mask, so the agent keeps chatting and the guide's phrases land in the
 * chat box). One for the whole app, opened from the right pane, the 售后 page, tasks and reminders.
 */
export function CaseDrawer() {
  const { t } = useTranslation();
  const words = useCaseWords();
  const caseId = useStore(caseViewStore, (id) => id);
  const item = useCase(caseId);
  const [error, setError] = useState<string | null>(null);

  // Always re-read on opening: a list's copy may predate changes made while the stream was down.
  useEffect(() => {
    if (!caseId) return;
    const controller = new AbortController();
    setError(null);
    getCase(caseId, controller.signal).catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, [caseId]);

  return (
    <Drawer
      open={!!caseId}
      onClose={closeCaseView}
      mask={false}
      size={520}
      className="case-drawer"
      extra={caseId && <CopyLinkButton path={paths.case(caseId)} testId="case-copy-link" />}
      title={
        item ? (
          <span className="case-drawer-title" data-testid="case-title">
            <span className="case-no">{item.caseNo}</span>
            <Tag>{words.type(item.type)}</Tag>
            <Tag color={STATE_COLOR[item.state]} data-testid="case-state" data-state={item.state}>
              {words.state(item.state)}
            </Tag>
          </span>
        ) : (
          t('cases.view.title')
        )
      }
      data-testid="case-drawer"
    >
      {error && <Alert type="error" showIcon title={error} className="case-block" />}
      {item ? <CaseBody key={item.id} item={item} /> : !error && <Skeleton active paragraph={{ rows: 8 }} />}
    </Drawer>
  );
}

function CaseBody({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('handle');
  const role = getSession()?.agent.role ?? 'presale';
  const guideDone = item.guide.filter((g) => g.doneAt).length;
  return (
    <div data-testid="case-view" data-case-id={item.id}>
      <CaseSummary item={item} />
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        className="case-tabs"
        items={[
          {
            key: 'handle',
            label: <span data-testid="case-tab-handle">{t('cases.view.tabs.handle')}</span>,
            children: (
              <>
                <CaseTransitions item={item} />
                <CaseCompensations item={item} role={role} />
              </>
            ),
          },
          {
            key: 'evidence',
            label: (
              <span data-testid="case-tab-evidence">
                {t('cases.view.tabs.evidence')}{' '}
                {item.evidence.requested && item.evidence.missing.length > 0 && (
                  <Badge count={item.evidence.missing.length} size="small" color="orange" />
                )}
              </span>
            ),
            children: <CaseEvidence item={item} />,
          },
          {
            key: 'guide',
            label: (
              <span data-testid="case-tab-guide">
                {t('cases.view.tabs.guide')}{' '}
                <span className="muted">
                  {guideDone}/{GuideStep.options.length}
                </span>
              </span>
            ),
            children: <ComplaintGuide item={item} />,
          },
          {
            key: 'timeline',
            label: (
              <span data-testid="case-tab-timeline">
                {t('cases.view.tabs.timeline')} <span className="muted">{item.timeline.length}</span>
              </span>
            ),
            children: <CaseTimeline item={item} />,
          },
        ]}
      />
    </div>
  );
}
