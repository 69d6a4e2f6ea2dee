import type { ConversationSummary } from '@golddesk/contracts';
import { LikeOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { inviteRating } from './satisfaction.api';
import { putRating, useConversationRatings, useSatisfactionSettings } from './satisfaction.store';
import './satisfaction.locales';

/**
 * 邀请评价 in the chat header: asks the buyer to rate this session by hand. Shown while the shop has ratings on;
 * marked done when the latest invitation came after the last message (the server still decides, once per session).
 */
export function InviteRatingButton({
  conversation,
  onError,
}: {
  conversation: ConversationSummary;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const settings = useSatisfactionSettings();
  const ratings = useConversationRatings(conversation.id);
  const [busy, setBusy] = useState(false);
  if (!settings?.enabled) return null;
  const latest = ratings?.at(-1);
  const lastAt = conversation.lastMessage?.createdAt;
  const invited = !!latest && (!lastAt || latest.invitedAt >= lastAt);

  async function invite() {
    setBusy(true);
    try {
      putRating(await inviteRating(conversation.id));
      void message.success(t('satisfaction.invitedToast'));
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Tooltip title={t(invited ? 'satisfaction.invitedAlready' : 'satisfaction.inviteHint')}>
      <Button
        icon={<LikeOutlined />}
        loading={busy}
        disabled={invited}
        onClick={() => void invite()}
        data-testid="chat-invite-rating"
      >
        {t('satisfaction.invite')}
      </Button>
    </Tooltip>
  );
}
