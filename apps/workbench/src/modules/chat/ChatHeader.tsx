import type { ConversationSummary } from '@golddesk/contracts';
import { CheckCircleOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag, Tooltip, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { closeConversation, takeConversation, WaitTimer, closeConfirmStore, setCloseConfirm } from '../conversations';
import { ShortcutHelpButton, shortcutLabel } from '../shortcuts';
import { paths } from '../../platform/navigation';
import { useStore } from '../../platform/store';
import { CopyLinkButton } from '../../platform/ui/CopyLinkButton';
import { getSession } from '../../platform/session';
import { useCan } from '../../platform/use-can';
import { TransferButton } from '../routing';
import { InviteRatingButton } from '../satisfaction';

interface ChatHeaderProps {
  conversation: ConversationSummary;
  onError: (message: string) => void;
}

/** Buyer name, status and the 接待 / 结束 actions above the chat, and 复制链接 for a colleague. */
export function ChatHeader({ conversation, onError }: ChatHeaderProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'take' | 'close' | null>(null);
  const open = conversation.status === 'open';
  const confirmOpen = useStore(closeConfirmStore, (id) => id === conversation.id);
  const can = useCan();
  const mine = conversation.assigneeId === getSession()?.agent.id;
  // A colleague's buyer: 接管 and 转接 are the managers' (take-over); an unserved or my own buyer: anyone serving.
  const colleagues = !!conversation.assigneeId && !mine;
  const mayTake = can('conversations.serve') && (!conversation.assigneeId || (colleagues && can('conversations.take_over')));
  const mayTransfer = can('conversations.transfer') && (!colleagues || can('conversations.take_over'));

  async function run(action: 'take' | 'close') {
    if (action === 'close') setCloseConfirm(null);
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
        {open && mayTake && (
          <Tooltip title={t('shortcuts.withKey', { label: t('chat.take'), key: shortcutLabel('take') })}>
            <Button
              type="primary"
              icon={<CustomerServiceOutlined />}
              loading={busy === 'take'}
              onClick={() => void run('take')}
              aria-keyshortcuts="Alt+A"
              data-testid="chat-take"
            >
              {colleagues ? t('chat.takeOver') : t('chat.take')}
            </Button>
          </Tooltip>
        )}
        {open && mayTransfer && <TransferButton conversation={conversation} />}
        {can('conversations.serve') && (!colleagues || can('conversations.take_over')) && (
          <InviteRatingButton conversation={conversation} onError={onError} />
        )}
        {open && (
          // Opened by a click or by Alt+E (then its 确定 has the focus, so Enter ends the chat).
          <Popconfirm
            title={t('chat.closeConfirm')}
            open={confirmOpen}
            onOpenChange={(next) => setCloseConfirm(next ? conversation.id : null)}
            onConfirm={() => run('close')}
            okButtonProps={{ autoFocus: true, 'data-testid': 'chat-close-confirm' } as ButtonProps}
          >
            <Tooltip title={t('shortcuts.withKey', { label: t('chat.close'), key: shortcutLabel('close') })}>
              <Button
                icon={<CheckCircleOutlined />}
                loading={busy === 'close'}
                aria-keyshortcuts="Alt+E"
                data-testid="chat-close"
              >
                {t('chat.close')}
              </Button>
            </Tooltip>
          </Popconfirm>
        )}
        <CopyLinkButton path={paths.conversation(conversation.id)} testId="chat-copy-link" />
        <ShortcutHelpButton />
      </div>
    </div>
  );
}
