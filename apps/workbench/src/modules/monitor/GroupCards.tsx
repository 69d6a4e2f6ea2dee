import type { MonitorResponse } from '@golddesk/contracts';
import { Card, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { oldest } from './monitor-rows';
import { WaitClock } from './WaitClock';

interface GroupCardsProps {
  snapshot: MonitorResponse;
  /** The server's clock now, in ms. */
  serverNow: number;
}

/** One small card per group: buyers waiting in its queue, the longest wait (ticking), members online, free slots. */
export function GroupCards({ snapshot, serverNow }: GroupCardsProps) {
  const { t } = useTranslation();
  return (
    <div className="monitor-groups">
      {snapshot.groups.map((group) => {
        const first = oldest(group.queue);
        return (
          <Card
            key={group.key || '-'}
            size="small"
            className="monitor-group"
            data-testid={`monitor-group-${group.key || 'unrouted'}`}
            title={group.name}
            extra={
              <Tag bordered={false} color={group.membersOnline ? 'green' : 'default'}>
                {t('monitor.groups.online', { count: group.membersOnline })}
              </Tag>
            }
          >
            <div className="monitor-group-body">
              <Statistic
                title={t('monitor.groups.waiting')}
                value={group.queue.length}
                styles={{ content: { color: group.queue.length ? '#cf1322' : undefined, fontSize: 22 } }}
                data-testid="monitor-group-waiting"
              />
              <div className="monitor-group-side">
                <div className="monitor-group-label">{t('monitor.groups.longest')}</div>
                <div>
                  {first ? (
                    <WaitClock since={first.waitingSince} serverNow={serverNow} limits={snapshot} />
                  ) : (
                    t('monitor.groups.none')
                  )}
                </div>
                <div className="monitor-group-label">{t('monitor.groups.freeSlots', { count: group.freeSlots })}</div>
              </div>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
