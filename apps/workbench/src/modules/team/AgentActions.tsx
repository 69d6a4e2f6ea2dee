import type { AgentView } from '@golddesk/contracts';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { setAgentDisabled, signOutEverywhere } from './team.api';

interface AgentActionsProps {
  /** The colleague the buttons act on (the caller may manage them). */
  agent: AgentView;
  /** Called after a change, to reload the list. */
  onChanged: () => void;
}

/** 停用/启用 and 强制下线 for one colleague, each behind a confirmation (enabling needs none). */
export function AgentActions({ agent, onChanged }: AgentActionsProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    try {
      void message.success(await action());
      onChanged();
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const toggle = () =>
    run(async () => {
      await setAgentDisabled(agent.id, !agent.disabled);
      return t(agent.disabled ? 'team.enabledDone' : 'team.disabledDone', { name: agent.name });
    });
  const signOut = () => run(async () => t('team.signedOut', { name: agent.name, count: await signOutEverywhere(agent.id) }));

  return (
    <Space size={4}>
      {agent.disabled ? (
        <Button size="small" type="link" loading={busy} onClick={() => void toggle()} data-testid="team-enable">
          {t('team.enable')}
        </Button>
      ) : (
        <>
          <Popconfirm title={t('team.disableConfirm', { name: agent.name })} onConfirm={() => toggle()}>
            <Button size="small" type="link" danger loading={busy} data-testid="team-disable">
              {t('team.disable')}
            </Button>
          </Popconfirm>
          <Popconfirm title={t('team.signOutConfirm', { name: agent.name })} onConfirm={() => signOut()}>
            <Button size="small" type="link" loading={busy} data-testid="team-sign-out">
              {t('team.signOut')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}
