import { CARRIERS, type LogisticsSettings, type NoticeKind } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Checkbox, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { fetchSettings, saveSettings } from './logistics.api';
import { loadCourierPolicy } from './logistics.store';

const NOTICE_KINDS: NoticeKind[] = ['shipped', 'out_for_delivery', 'signed'];

/** 通知设置: opt-in buyer notices per step, the "no update" threshold, and the carriers the shop uses. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = useCan()('logistics.configure');
  const [settings, setSettings] = useState<LogisticsSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchSettings(controller.signal)
      .then(setSettings)
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  async function save() {
    if (!settings) return;
    setSaving(true);
    setError(null);
    try {
      setSettings(await saveSettings(settings));
      void loadCourierPolicy(true);
      void message.success(t('logistics.settings.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  if (!settings) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  return (
    <div data-testid="logistics-settings" className="logistics-settings">
      {!editable && <Alert type="info" showIcon title={t('logistics.settings.readOnly')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" title={t('logistics.settings.notices')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('logistics.settings.noticesHint')}</Typography.Paragraph>
        <Space size="large" wrap>
          {NOTICE_KINDS.map((kind) => (
            <label key={kind} className="notice-switch">
              <Switch
                checked={settings.notices[kind]}
                disabled={!editable}
                onChange={(on) => setSettings({ ...settings, notices: { ...settings.notices, [kind]: on } })}
                data-testid={`notice-${kind}`}
              />{' '}
              {t(`logistics.settings.${kind}`)}
            </label>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('logistics.settings.noUpdateDays')} style={{ marginBottom: 16 }}>
        <InputNumber
          min={1}
          max={30}
          value={settings.noUpdateDays}
          disabled={!editable}
          onChange={(v) => setSettings({ ...settings, noUpdateDays: Number(v ?? 3) })}
          suffix={t('logistics.settings.days')}
          data-testid="no-update-days"
        />
      </Card>
      <Card size="small" title={t('logistics.settings.carriers')} style={{ marginBottom: 16 }}>
        <Checkbox.Group
          value={settings.enabledCarriers}
          disabled={!editable}
          onChange={(codes) => setSettings({ ...settings, enabledCarriers: codes as LogisticsSettings['enabledCarriers'] })}
          options={CARRIERS.map((c) => ({ value: c.code, label: c.name }))}
          data-testid="enabled-carriers"
        />
      </Card>
      {editable && (
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="settings-save">
          {t('logistics.settings.save')}
        </Button>
      )}
    </div>
  );
}
