import { ReloadOutlined } from '@ant-design/icons';
import { can, type IntegrationSettings } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Descriptions, Skeleton, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { InboundEventsList } from './InboundEventsList';
import { SigningGuide } from './SigningGuide';
import { SecretField } from './SecretField';
import { fetchIntegration, rotateSecrets } from './settings.api';

/** 店铺对接: where the shop's system sends events, the two secrets (masked), how to sign, and what arrived lately. */
export function IntegrationSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [settings, setSettings] = useState<IntegrationSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayRotate = can(session, 'integration.rotate_secrets');

  useEffect(() => {
    const controller = new AbortController();
    fetchIntegration(controller.signal)
      .then(setSettings)
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  function confirmRotate() {
    void modal.confirm({
      title: t('settings.integration.rotateConfirmTitle'),
      content: t('settings.integration.rotateConfirmBody'),
      okText: t('settings.integration.rotateOk'),
      okButtonProps: { danger: true, 'data-testid': 'rotate-confirm' },
      onOk: async () => {
        try {
          setSettings(await rotateSecrets());
          void message.success(t('settings.integration.rotated'));
        } catch (caught) {
          void message.error(errorMessage(caught));
        }
      },
    });
  }

  if (!settings) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const eventsUrl = `${window.location.origin}${settings.eventsUrl}`;
  const rotateButton = (
    <Button danger icon={<ReloadOutlined />} disabled={!mayRotate} onClick={confirmRotate} data-testid="rotate-secrets">
      {t('settings.integration.rotate')}
    </Button>
  );
  return (
    <div className="settings-stack">
      <Card
        size="small"
        title={t('settings.integration.endpointTitle')}
        extra={mayRotate ? rotateButton : <Tooltip title={t('settings.integration.rotateOwnerOnly')}>{rotateButton}</Tooltip>}
        data-testid="integration-endpoint"
      >
        <Typography.Paragraph type="secondary">{t('settings.integration.endpointHint')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 170 } }}>
          <Descriptions.Item label={t('settings.integration.eventsUrl')}>
            <SecretField value={eventsUrl} testId="integration-events-url" />
          </Descriptions.Item>
          <Descriptions.Item
            label={<Label title={t('settings.integration.inboundSecret')} hint={t('settings.integration.inboundSecretHint')} />}
          >
            <SecretField value={settings.inboundSecret} secret testId="integration-inbound-secret" />
          </Descriptions.Item>
          <Descriptions.Item
            label={<Label title={t('settings.integration.identitySecret')} hint={t('settings.integration.identitySecretHint')} />}
          >
            <SecretField value={settings.identitySecret} secret testId="integration-identity-secret" />
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.integration.signatureHeader')}>
            <code className="secret-value" data-testid="integration-signature-header">
              {headerName(settings.signatureHeader)}
            </code>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <SigningGuide
        eventsUrl={eventsUrl}
        origin={window.location.origin}
        shop={session.shop?.slug ?? 'demo'}
        header={headerName(settings.signatureHeader)}
      />
      <InboundEventsList />
    </div>
  );
}

function Label({ title, hint }: { title: string; hint: string }) {
  return (
    <span className="settings-label">
      {title}
      <span className="settings-label-hint">{hint}</span>
    </span>
  );
}

/** HTTP headers are case-insensitive; shown the way the docs write it (X-GoldDesk-Signature). */
function headerName(header: string): string {
  return header.toLowerCase() === 'x-golddesk-signature' ? 'X-GoldDesk-Signature' : header;
}
