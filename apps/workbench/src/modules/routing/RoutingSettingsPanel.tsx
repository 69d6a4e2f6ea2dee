import type { RoutingSettings } from '@golddesk/contracts';
import { Alert, App as AntApp, Button, Card, Form, InputNumber, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { GroupsEditor } from './GroupsEditor';
import { groupName } from './group-names';
import { fromFormRules, RulesEditor, toFormRules, type FormRule } from './RulesEditor';
import { loadRoutingSettings, saveRoutingSettings } from './routing.api';
import './routing.locales';
import './routing.css';

export type RoutingForm = Omit<RoutingSettings, 'rules'> & { rules: FormRule[] };

/** 团队 → 分流设置: 自动分配, the after-sales rule, default group, sticky hours, reassignment, alerts, groups and rules. */
export function RoutingSettingsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RoutingForm>();
  const [loaded, setLoaded] = useState<RoutingSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const watched = Form.useWatch('groups', form);
  const groups = watched?.length ? watched : (loaded?.groups ?? []);

  useEffect(() => {
    const controller = new AbortController();
    loadRoutingSettings(controller.signal)
      .then((settings) => {
        setLoaded(settings);
        form.setFieldsValue({ ...settings, rules: toFormRules(settings.rules) });
      })
      .catch((error: unknown) => !controller.signal.aborted && message.error(errorMessage(error)));
    return () => controller.abort();
  }, [form, message]);

  async function save() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = await saveRoutingSettings({ ...values, rules: fromFormRules(values.rules ?? []) });
      setLoaded(saved);
      form.setFieldsValue({ ...saved, rules: toFormRules(saved.rules) });
      message.success(t('routing.settings.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  if (!loaded) return <Spin />;
  const groupOptions = groups
    .filter((g) => g?.key)
    .map((group) => ({ value: group.key, label: groupName(group.key, { groups }) }));
  return (
    <Form form={form} layout="vertical" disabled={!editable} className="routing-settings" data-testid="routing-settings">
      <Typography.Paragraph type="secondary">{t('routing.settings.intro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('routing.settings.readOnly')} style={{ marginBottom: 12 }} />}
      <Card size="small" className="routing-card">
        <div className="routing-grid">
          <Form.Item
            name="autoAssign"
            label={t('routing.settings.autoAssign')}
            extra={t('routing.settings.autoAssignHelp')}
            valuePropName="checked"
          >
            <Switch data-testid="routing-auto-assign" />
          </Form.Item>
          <Form.Item
            name="aftersaleByBuyerState"
            label={t('routing.settings.aftersale')}
            extra={t('routing.settings.aftersaleHelp')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="defaultGroup"
            label={t('routing.settings.defaultGroup')}
            extra={t('routing.settings.defaultGroupHelp')}
          >
            <Select options={groupOptions} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="stickyHours" label={t('routing.settings.sticky')} extra={t('routing.settings.stickyHelp')}>
            <InputNumber min={0} max={720} precision={0} />
          </Form.Item>
          <Form.Item
            name="reassignAfterSeconds"
            label={t('routing.settings.reassign')}
            extra={t('routing.settings.reassignHelp')}
          >
            <InputNumber min={0} max={3600} precision={0} data-testid="routing-reassign" />
          </Form.Item>
          <Form.Item name="managerAlertSeconds" label={t('routing.settings.alert')} extra={t('routing.settings.alertHelp')}>
            <InputNumber min={30} max={3600} precision={0} />
          </Form.Item>
        </div>
      </Card>
      <Card size="small" className="routing-card" title={t('routing.settings.groups')}>
        <GroupsEditor />
      </Card>
      <Card size="small" className="routing-card" title={t('routing.settings.rules')}>
        <RulesEditor groupOptions={groupOptions} />
      </Card>
      {editable && (
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="routing-save">
            {t('routing.settings.save')}
          </Button>
        </Space>
      )}
    </Form>
  );
}
