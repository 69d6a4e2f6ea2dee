import type { SatisfactionSettings } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Form, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { fetchSatisfactionSettings, saveSatisfactionSettings } from './satisfaction.api';
import { satisfactionSettingsStore } from './satisfaction.store';
import './satisfaction.locales';

/** 设置 → 满意度评价: invitations on or off, and how long a quiet buyer is waited for (owner and managers edit). */
export function SatisfactionSettingsSection() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = useCan()('measures.configure');
  const [settings, setSettings] = useState<SatisfactionSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchSatisfactionSettings(controller.signal)
      .then(setSettings)
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  if (!settings) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;

  async function save() {
    if (!settings) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await saveSatisfactionSettings(settings);
      setSettings(saved);
      satisfactionSettingsStore.set(saved);
      void message.success(t('satisfaction.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div data-testid="satisfaction-settings">
      <Typography.Paragraph type="secondary" style={{ maxWidth: 720 }}>
        {t('satisfaction.settingsIntro')}
      </Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('satisfaction.readOnly')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" disabled={!editable} style={{ maxWidth: 720 }}>
        <Form.Item label={t('satisfaction.enabled')}>
          <Switch
            checked={settings.enabled}
            onChange={(enabled) => setSettings({ ...settings, enabled })}
            data-testid="satisfaction-enabled"
          />
        </Form.Item>
        <Form.Item label={t('satisfaction.idleMinutes')} extra={t('satisfaction.idleHint')}>
          <Space>
            <InputNumber
              min={1}
              max={1440}
              precision={0}
              value={settings.idleMinutes}
              disabled={!settings.enabled}
              onChange={(value) => setSettings({ ...settings, idleMinutes: value ?? settings.idleMinutes })}
              data-testid="satisfaction-idle-minutes"
            />
            <span>{t('satisfaction.minutes')}</span>
          </Space>
        </Form.Item>
        {editable && (
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="satisfaction-save">
            {t('satisfaction.save')}
          </Button>
        )}
      </Form>
    </div>
  );
}
