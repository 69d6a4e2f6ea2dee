import { DashboardOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Row, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { openConversation, takeConversation } from '../conversations';
import { AgentLoadChart } from './AgentLoadChart';
import { AgentsTable } from './AgentsTable';
import { GroupCards } from './GroupCards';
import { sortedAgents, type WaitingRow } from './monitor-rows';
import { ReassignModal } from './ReassignModal';
import { useMonitor, useServerNow } from './use-monitor';
import { WaitingBuyers } from './WaitingBuyers';
import './monitor.locales';
import './monitor.css';

/**
 * 实时监控 (owner, managers): the groups' queues, every waiting buyer with a ticking wait (red past the agent's limit,
 * 告警 past the managers'), the agents' status and load, and one click to take a buyer over or reassign them. Live from
 * the stream; the waits count on the server's clock.
 */
export function MonitorPage(_props: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { snapshot, offsetMs, error, refresh } = useMonitor();
  const serverNow = useServerNow(offsetMs);
  const agents = useMemo(() => (snapshot ? sortedAgents(snapshot.agents) : []), [snapshot]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [reassigning, setReassigning] = useState<WaitingRow | null>(null);

  // 接管 (or 接待 for a queued buyer), then the conversation in the workbench.
  async function takeOver(row: WaitingRow) {
    setBusyId(row.buyer.conversationId);
    try {
      await takeConversation(row.buyer.conversationId);
      message.success(t('monitor.actions.takenOver', { nick: row.buyer.buyer.nick }));
      await openConversation(row.buyer.conversationId);
    } catch (failure) {
      message.error(errorMessage(failure));
      refresh();
    } finally {
      setBusyId(null);
    }
  }

  return (
    <main className="monitor-page" data-testid="page-monitor">
      <Card
        className="monitor-card"
        variant="borderless"
        title={
          <span className="team-title">
            <DashboardOutlined />
            {t('monitor.title')}
          </span>
        }
        extra={
          snapshot && (
            <span className="monitor-extra">
              {snapshot.autoAssign ? (
                <Tag bordered={false} color="green">
                  {t('monitor.autoAssign')}
                </Tag>
              ) : (
                <Tag bordered={false} color="gold">
                  {t('monitor.grabMode')}
                </Tag>
              )}
              <span className="monitor-updated" data-testid="monitor-updated">
                {t('monitor.updatedAt', { time: dayjs(snapshot.at).format('HH:mm:ss') })}
              </span>
              <Button size="small" icon={<ReloadOutlined />} onClick={refresh} title={t('monitor.refresh')} />
            </span>
          )
        }
      >
        {error && <Alert type="error" showIcon title={error} className="monitor-error" />}
        {!snapshot ? (
          <Skeleton active />
        ) : (
          <>
            <GroupCards snapshot={snapshot} serverNow={serverNow} />
            <WaitingBuyers
              snapshot={snapshot}
              serverNow={serverNow}
              busyId={busyId}
              onTakeOver={(row) => void takeOver(row)}
              onReassign={setReassigning}
            />
            <Row gutter={12}>
              <Col span={15}>
                <Card size="small" className="monitor-section" title={t('monitor.agents.title')}>
                  <AgentsTable agents={agents} snapshot={snapshot} serverNow={serverNow} />
                </Card>
              </Col>
              <Col span={9}>
                <Card size="small" className="monitor-section" title={t('monitor.chart.title')}>
                  <AgentLoadChart agents={agents} />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Card>
      {reassigning && snapshot && (
        <ReassignModal row={reassigning} snapshot={snapshot} onClose={() => setReassigning(null)} onDone={refresh} />
      )}
    </main>
  );
}
