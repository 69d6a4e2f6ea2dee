import type { AgentStatus } from '@golddesk/contracts';
import { App as AntApp, Badge, Dropdown } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { setMyStatus, useSession } from './auth.api';

const STATUSES: AgentStatus[] = ['online', 'busy', 'offline'];
const DOT: Record<AgentStatus, string> = { online: '#52c41a', busy: '#faad14', offline: '#bfbfbf' };

/**
 * My 在线 / 忙碌 / 离线 on my avatar: its dot says the status, a click switches it (忙碌 = 挂起: keeps my buyers, takes no
 * new ones). It takes no room of its own in the header, so the page links keep theirs.
 */
export function AgentStatusSwitch({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const session = useSession();
  const status = session?.agent.status ?? 'online';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [status],
        items: STATUSES.map((value) => ({
          key: value,
          label: (
            <span title={t(`agentStatus.hint.${value}`)} data-testid={`agent-status-${value}`}>
              <span className="agent-status-dot" style={{ background: DOT[value] }} />
              {t(`agentStatus.${value}`)}
            </span>
          ),
        })),
        onClick: ({ key }) =>
          void setMyStatus(key as AgentStatus).catch((error: unknown) => void message.error(errorMessage(error))),
      }}
    >
      <span
        className="agent-status-switch"
        role="button"
        tabIndex={0}
        aria-label={`${t('agentStatus.label')}：${t(`agentStatus.${status}`)}`}
        data-testid="agent-status"
        data-status={status}
      >
        <Badge dot color={DOT[status]} offset={[-2, 20]}>
          {children}
        </Badge>
      </span>
    </Dropdown>
  );
}
