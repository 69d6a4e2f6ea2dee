import type { AgentView, ConversationSummary, RoutingSettings } from '@golddesk/contracts';
import { SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { getSession } from '../../platform/session';
import { groupName } from './group-names';
import { loadColleagues, loadRoutingSettings } from './routing.api';
import { TransferModal, type TransferColleague } from './TransferModal';
import './routing.locales';

/** Why a colleague cannot take the buyer now (null: they can). */
function unavailableReason(agent: AgentView): TransferColleague['unavailable'] {
  if (agent.disabled || agent.status === 'offline' || !agent.status) return 'offline';
  if (agent.status === 'busy') return 'busy';
  if (agent.capacity !== undefined && (agent.load ?? 0) >= agent.capacity) return 'full';
  return null;
}

/** 转接 in the chat header: the team and the groups are read when the dialog opens. */
export function TransferButton({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [colleagues, setColleagues] = useState<TransferColleague[]>([]);
  const [settings, setSettings] = useState<RoutingSettings | null>(null);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const me = getSession()?.agent.id;
    Promise.all([loadColleagues(controller.signal), loadRoutingSettings(controller.signal)])
      .then(([agents, routing]) => {
        setColleagues(
          agents
            .filter((agent) => agent.id !== me && !agent.disabled)
            .map((agent) => ({
              id: agent.id,
              name: agent.name,
              unavailable: unavailableReason(agent),
              load: agent.load ?? 0,
              capacity: agent.capacity ?? null,
            })),
        );
        setSettings(routing);
      })
      .catch((error: unknown) => !controller.signal.aborted && message.error(errorMessage(error)));
    return () => controller.abort();
  }, [open, message]);

  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="chat-transfer">
        {t('routing.transfer.button')}
      </Button>
      {open && (
        <TransferModal
          conversationId={conversation.id}
          title={t('routing.transfer.title', { nick: conversation.buyer.nick })}
          colleagues={colleagues}
          groups={(settings?.groups ?? []).map((group) => ({ key: group.key, label: groupName(group.key, settings) }))}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
