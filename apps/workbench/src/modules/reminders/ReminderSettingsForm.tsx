import { fillReminderTemplate, REMINDER_VARIABLES, type PaymentReminderSettings } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useCan } from '../../platform/use-can';
import { fetchReminderSettings, saveReminderSettings } from './reminders.api';

/** "60, 120" ⇄ [60, 120]; undefined when a number is out of range. */
function parseDelays(text: string): number[] | undefined {
  const values = text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  if (values.length === 0 || values.length > 5 || values.some((v) => !Number.isInteger(v) || v < 5 || v > 1440)) return undefined;
  return values;
}

/** 催付设置: when and how often to remind, the message with a live preview, the incentive, and who gets a call. */
export function ReminderSettingsForm() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const editable = useCan()('payment_reminders.configure');
  const [settings, setSettings] = useState<PaymentReminderSettings | null>(null);
  const [delays, setDelays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchReminderSettings(controller.signal)
      .then((s) => {
        setSettings(s);
        setDelays(s.repeatAfterMinutes.join(', '));
      })
      .catch((caught: unknown) => !controller.signal.aborted && setError(errorMessage(caught)));
    return () => controller.abort();
  }, []);

  if (!settings) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const set = (changes: Partial<PaymentReminderSettings>) => setSettings({ ...settings, ...changes });
  const parsedDelays = parseDelays(delays);
  const sample = t('reminders.previewSample', { returnObjects: true }) as {
    nick: string;
    orderNo: string;
    product: string;
    promotions: string;
  };
  const preview = fillReminderTemplate(settings.template, settings.incentive, {
    buyerNick: sample.nick,
    orderNo: sample.orderNo,
    productTitle: sample.product,
    totalFen: 25_900,
    promotions: sample.promotions,
  });

  async function save() {
    if (!settings || !parsedDelays) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await saveReminderSettings({ ...settings, repeatAfterMinutes: parsedDelays });
      setSettings(saved);
      setDelays(saved.repeatAfterMinutes.join(', '));
      void message.success(t('reminders.saved'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('reminders.settings')} data-testid="reminder-settings">
      {!editable && <Alert type="info" showIcon title={t('reminders.readOnly')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" disabled={!editable} style={{ maxWidth: 720 }}>
        <Form.Item label={t('reminders.enabled')}>
          <Switch checked={settings.enabled} onChange={(enabled) => set({ enabled })} data-testid="reminder-enabled" />
        </Form.Item>
        <Form.Item label={t('reminders.firstAfter')}>
          <InputNumber
            min={1}
            max={1440}
            value={settings.firstAfterMinutes}
            suffix={t('reminders.minutes')}
            onChange={(v) => set({ firstAfterMinutes: Number(v ?? 10) })}
            data-testid="reminder-first-after"
          />
        </Form.Item>
        <Form.Item label={t('reminders.maxReminders')}>
          <InputNumber
            min={1}
            max={5}
            value={settings.maxReminders}
            suffix={t('reminders.times')}
            onChange={(v) => set({ maxReminders: Number(v ?? 2) })}
            data-testid="reminder-max"
          />
        </Form.Item>
        <Form.Item
          label={t('reminders.repeatAfter')}
          extra={t('reminders.repeatAfterHint')}
          validateStatus={parsedDelays ? undefined : 'error'}
          help={parsedDelays ? undefined : t('reminders.badDelays')}
        >
          <Input
            value={delays}
            onChange={(e) => setDelays(e.target.value)}
            style={{ maxWidth: 240 }}
            suffix={t('reminders.minutes')}
            data-testid="reminder-delays"
          />
        </Form.Item>
        <Form.Item
          label={t('reminders.template')}
          extra={t('reminders.templateHint', { variables: REMINDER_VARIABLES.join(' ') })}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={settings.template}
            onChange={(e) => set({ template: e.target.value })}
            data-testid="reminder-template"
          />
        </Form.Item>
        <Form.Item label={t('reminders.incentive')}>
          <Input
            maxLength={100}
            value={settings.incentive}
            placeholder={t('reminders.incentivePlaceholder')}
            onChange={(e) => set({ incentive: e.target.value })}
            data-testid="reminder-incentive"
          />
        </Form.Item>
        <Form.Item label={t('reminders.preview')}>
          <div className="reminder-preview" data-testid="reminder-preview">
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{preview}</Typography.Text>
          </div>
        </Form.Item>
        <Form.Item label={t('reminders.taskThreshold')}>
          <InputNumber
            min={0}
            max={1_000_000}
            precision={2}
            prefix="¥"
            value={settings.taskThresholdFen / 100}
            onChange={(v) => set({ taskThresholdFen: Math.round(Number(v ?? 200) * 100) })}
            data-testid="reminder-task-threshold"
          />
        </Form.Item>
        <Form.Item label={t('reminders.taskMinVip')}>
          <InputNumber
            min={0}
            max={10}
            value={settings.taskMinVip}
            onChange={(v) => set({ taskMinVip: Number(v ?? 2) })}
            data-testid="reminder-task-vip"
          />
        </Form.Item>
      </Form>
      {editable && (
        <Button
          type="primary"
          loading={saving}
          disabled={!parsedDelays || !settings.template.trim()}
          onClick={() => void save()}
          data-testid="reminder-save"
        >
          {t('reminders.save')}
        </Button>
      )}
    </Card>
  );
}
