import type { MonitorAgent, MonitorResponse } from '@golddesk/contracts';
import { useTranslation } from 'react-i18next';
import { getSession } from '../../platform/session';
import { TransferModal, type TransferColleague } from '../routing';
import type { WaitingRow } from './monitor-rows';

interface ReassignModalProps {
  /** The buyer to reassign. */
  row: WaitingRow;
  /** Colleagues and groups to choose from, as the monitor shows them now. */
  snapshot: MonitorResponse;
  onClose: () => void;
  /** After the buyer moved (the monitor refetches). */
  onDone: () => void;
}

/** Why a colleague cannot take a buyer now (null: they can). */
function unavailable(agent: MonitorAgent): TransferColleague['unavailable'] {
  if (agent.status !== 'online') return agent.status;
  return agent.load >= agent.capacity ? 'full' : null;
}

/** 改派 from the monitor: the transfer dialog, fed with the monitor's colleagues and groups (free slots shown). */
export function ReassignModal({ row, snapshot, onClose, onDone }: ReassignModalProps) {
  const { t } = useTranslation();
  const me = getSession()?.agent.id;
  return (
    <TransferModal
      conversationId={row.buyer.conversationId}
      title={t('monitor.reassign.title', { nick: row.buyer.buyer.nick })}
      colleagues={snapshot.agents
        .filter((agent) => agent.id !== me && agent.id !== row.assignee?.id)
        .map((agent) => ({
          id: agent.id,
          name: agent.name,
          unavailable: unavailable(agent),
          load: agent.load,
          capacity: agent.capacity,
        }))}
      groups={snapshot.groups
        .filter((group) => group.key !== '')
        .map((group) => ({
          key: group.key,
          label: `${group.name} · ${t('monitor.groups.freeSlots', { count: group.freeSlots })}`,
        }))}
      onClose={onClose}
      onDone={onDone}
      testId="monitor-reassign"
      okText={t('monitor.reassign.ok')}
    />
  );
}
