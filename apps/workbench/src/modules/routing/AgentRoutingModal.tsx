import type { AgentView, RoutingSettings } from '@golddesk/contracts';
import { App as AntApp, Form, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { groupName } from './group-names';
import { loadRoutingSettings, setAgentRouting } from './routing.api';
import './routing.locales';

interface AgentRoutingModalProps {
  /** The colleague being set up; null: closed. */
  agent: AgentView | null;
  onClose: () => void;
  onSaved: (agent: AgentView) => void;
}

/** 分流 on an agent's row: their capacity (接待上限), groups and weight. */
export function AgentRoutingModal({ agent, onClose, onSaved }: AgentRoutingModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ capacity: number; groups: string[]; weight: number }>();
  const [settings, setSettings] = useState<RoutingSettings | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!agent) return;
    const controller = new AbortController();
    loadRoutingSettings(controller.signal)
      .then(setSettings)
      .catch((error: unknown) => !controller.signal.aborted && message.error(errorMessage(error)));
    form.setFieldsValue({ capacity: agent.capacity ?? 10, groups: agent.groups ?? [], weight: agent.weight ?? 1 });
    return () => controller.abort();
  }, [agent, form, message]);

  async function save() {
    if (!agent) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = await setAgentRouting(agent.id, values);
      message.success(t('routing.agentModal.saved', { name: agent.name }));
      onSaved(saved);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={agent !== null}
      title={agent ? t('routing.agentModal.title', { name: agent.name }) : ''}
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'agent-routing-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="capacity"
          label={t('routing.agentModal.capacity')}
          extra={t('routing.agentModal.capacityHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={50} precision={0} data-testid="agent-routing-capacity" />
        </Form.Item>
        <Form.Item name="groups" label={t('routing.agentModal.groups')}>
          <Select
            mode="multiple"
            data-testid="agent-routing-groups"
            options={(settings?.groups ?? []).map((group) => ({ value: group.key, label: groupName(group.key, settings) }))}
          />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('routing.agentModal.weight')}
          extra={t('routing.agentModal.weightHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={10} precision={0} data-testid="agent-routing-weight" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
