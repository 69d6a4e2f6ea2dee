import type { AgentStatus } from '@golddesk/contracts';
import { App as AntApp, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { setMyStatus, useSession } from './auth.api';

const STATUSES: AgentStatus[] = ['online', 'busy', 'offline'];
const DOT: Record<AgentStatus, string> = { online: '#52c41a', busy: '#faad14', offline: '#bfbfbf' };

/** The header's 在线 / 忙碌 / 离线 switch: 忙碌 (挂起) keeps my buyers and takes no new ones. */
export function AgentStatusSwitch() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const session = useSession();
  const status = session?.agent.status ?? 'online';
  return (
    <Select<AgentStatus>
      size="small"
      variant="borderless"
      value={status}
      popupMatchSelectWidth={false}
      onChange={(next) => void setMyStatus(next).catch((error: unknown) => void message.error(errorMessage(error)))}
      options={STATUSES.map((value) => ({
        value,
        label: (
          <span title={t(`agentStatus.hint.${value}`)}>
            <span className="agent-status-dot" style={{ background: DOT[value] }} />
            {t(`agentStatus.${value}`)}
          </span>
        ),
      }))}
      data-testid="agent-status"
      aria-label={t('agentStatus.label')}
    />
  );
}
