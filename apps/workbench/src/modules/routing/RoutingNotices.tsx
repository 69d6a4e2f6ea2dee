import type { ServerFrame } from '@golddesk/contracts';
import { App as AntApp, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { alertAgent } from '../../platform/notify';
import { onStreamFrame } from '../../platform/realtime';
import { getSession } from '../../platform/session';
import { canNow } from '../../platform/use-can';
import { ensureConversation, openConversation } from '../conversations';
import './routing.locales';

type Alert = Extract<ServerFrame, { type: 'routing.alert' }>;
type Reassigned = Extract<ServerFrame, { type: 'conversation.reassigned' }>;

/**
 * Mounted once in the header: the pushes of routing — the agent nudged about a buyer waiting on them, the managers
 * alerted about a long wait, and both agents told when a buyer was reassigned. Each beeps (and notifies the desktop
 * while the tab is hidden) and shows a notice with a way to the buyer.
 */
export function RoutingNotices() {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();

  useEffect(() => {
    const show = (
      key: string,
      kind: 'warning' | 'error' | 'info',
      title: string,
      description: string,
      conversationId: string,
    ) => {
      alertAgent(title, description, key, () => void openConversation(conversationId));
      notification[kind]({
        key,
        title,
        description,
        duration: kind === 'error' ? 0 : 8,
        actions: (
          <Button
            size="small"
            type="primary"
            data-testid="routing-notice-open"
            onClick={() => {
              notification.destroy(key);
              void openConversation(conversationId);
            }}
          >
            {t('routing.notices.open')}
          </Button>
        ),
      });
    };
    const nickOf = async (conversationId: string) =>
      (await ensureConversation(conversationId).catch(() => null))?.buyer.nick ?? '';

    async function onAlert(frame: Alert) {
      const me = getSession()?.agent.id;
      const waited = frame.waitedSeconds * 1000;
      if (frame.level === 'agent' && frame.agentId === me) {
        const nick = await nickOf(frame.conversationId);
        const seconds = Math.floor(waited / 1000);
        show(
          `nudge-${frame.conversationId}`,
          'warning',
          t('routing.notices.nudgeTitle', { nick, seconds }),
          t('routing.notices.nudgeBody'),
          frame.conversationId,
        );
      }
      if (frame.level === 'manager' && canNow('monitor.view')) {
        const summary = await ensureConversation(frame.conversationId).catch(() => null);
        const who = summary?.assignee
          ? t('routing.notices.alertAssigned', { name: summary.assignee.name })
          : t('routing.notices.alertQueued');
        const minutes = Math.max(1, Math.floor(waited / 60_000));
        show(
          `alert-${frame.conversationId}`,
          'error',
          t('routing.notices.alertTitle', { nick: summary?.buyer.nick ?? '', minutes }),
          t('routing.notices.alertBody', { who }),
          frame.conversationId,
        );
      }
    }

    async function onReassigned(frame: Reassigned) {
      const me = getSession()?.agent.id;
      if (frame.fromAgentId !== me && frame.toAgentId !== me) return;
      const nick = await nickOf(frame.conversationId);
      if (frame.fromAgentId === me) {
        show(
          `reassigned-${frame.conversationId}`,
          'warning',
          t('routing.notices.reassignedAway', { nick }),
          t('routing.notices.reassignedAwayBody'),
          frame.conversationId,
        );
      } else {
        show(
          `reassigned-${frame.conversationId}`,
          'info',
          t('routing.notices.reassignedToMe', { nick }),
          '',
          frame.conversationId,
        );
      }
    }

    return onStreamFrame((frame) => {
      if (frame.type === 'routing.alert') void onAlert(frame);
      if (frame.type === 'conversation.reassigned') void onReassigned(frame);
    });
  }, [notification, t]);

  return null;
}
