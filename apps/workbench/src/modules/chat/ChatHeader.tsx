import type { ConversationSummary } from '@golddesk/contracts';
import { CheckCircleOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { closeConversation, takeConversation } from '../conversations/conversation.api';
import { WaitTimer } from '../conversations/WaitTimer';

interface ChatHeaderProps {
  conversation: ConversationSummary;
  onError: (message: string) => void;
}

/** Buyer name, status and the 接待 / 结束 actions above the chat. */
export function ChatHeader({ conversation, onError }: ChatHeaderProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'take' | 'close' | null>(null);
  const open = conversation.status === 'open';

  async function run(action: 'take' | 'close') {
    setBusy(action);
    try {
      await (action === 'take' ? takeConversation : closeConversation)(conversation.id);
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="chat-header" data-testid="chat-header">
      <div className="chat-header-title">
        <span className="chat-header-nick" data-testid="chat-buyer-nick">
          {conversation.buyer.nick}
        </span>
        {open ? (
          <Tag color={conversation.assignee ? 'green' : 'orange'} data-testid="chat-assignee">
            {conversation.assignee ? t('chat.assignedTo', { name: conversation.assignee.name }) : t('chat.unassigned')}
          </Tag>
        ) : (
          <Tag data-testid="chat-closed">{t('chat.closed')}</Tag>
        )}
        {open && conversation.waitingSince && <WaitTimer since={conversation.waitingSince} />}
      </div>
      <div className="chat-header-actions">
        {open && !conversation.assignee && (
          <Button type="primary" icon={<CustomerServiceOutlined />} loading={busy === 'take'} onClick={() => void run('take')} data-testid="chat-take">
            {t('chat.take')}
          </Button>
        )}
        {open && (
          <Popconfirm title={t('chat.closeConfirm')} onConfirm={() => run('close')}>
            <Button icon={<CheckCircleOutlined />} loading={busy === 'close'} data-testid="chat-close">
              {t('chat.close')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </div>
  );
}
