import type { AgentView, ConversationSummary, RoutingSettings } from '@golddesk/contracts';
import { SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Segmented, Select, Tag, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { getSession } from '../../platform/session';
import { groupName } from './group-names';
import { loadColleagues, loadRoutingSettings, transferConversation } from './routing.api';
import './routing.locales';

type Mode = 'agent' | 'group';

/** Why a colleague cannot take the buyer now (null: they can). */
function unavailableReason(agent: AgentView): 'offline' | 'busy' | 'full' | null {
  if (agent.disabled || agent.status === 'offline' || !agent.status) return 'offline';
  if (agent.status === 'busy') return 'busy';
  if (agent.capacity !== undefined && (agent.load ?? 0) >= agent.capacity) return 'full';
  return null;
}

/** 转接: hands the buyer to a colleague who takes buyers now, or to a group, with a note only the colleague reads. */
export function TransferButton({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('agent');
  const [colleagues, setColleagues] = useState<AgentView[]>([]);
  const [settings, setSettings] = useState<RoutingSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ toAgentId?: string; toGroup?: string; note: string }>();
  const me = getSession()?.agent.id;

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    Promise.all([loadColleagues(controller.signal), loadRoutingSettings(controller.signal)])
      .then(([agents, routing]) => {
        setColleagues(agents.filter((agent) => agent.id !== me && !agent.disabled));
        setSettings(routing);
      })
      .catch((error: unknown) => !controller.signal.aborted && message.error(errorMessage(error)));
    return () => controller.abort();
  }, [open, me, message]);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body =
        mode === 'agent'
          ? { toAgentId: values.toAgentId, note: values.note ?? '' }
          : { toGroup: values.toGroup, note: values.note ?? '' };
      await transferConversation(conversation.id, body);
      const to =
        mode === 'agent' ? colleagues.find((agent) => agent.id === values.toAgentId)?.name : groupName(values.toGroup!, settings);
      message.success(t('routing.transfer.done', { to }));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="chat-transfer">
        {t('routing.transfer.button')}
      </Button>
      <Modal
        open={open}
        title={t('routing.transfer.title', { nick: conversation.buyer.nick })}
        okText={t('routing.transfer.ok')}
        onOk={() => void submit()}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'transfer-ok' } as ButtonProps}
      >
        <Segmented<Mode>
          block
          value={mode}
          onChange={setMode}
          options={[
            { value: 'agent', label: t('routing.transfer.toAgent') },
            { value: 'group', label: t('routing.transfer.toGroup') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="transfer-mode"
        />
        <Form form={form} layout="vertical" preserve={false}>
          {mode === 'agent' ? (
            <Form.Item name="toAgentId" label={t('routing.transfer.colleague')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'title' }}
                placeholder={t('routing.transfer.colleaguePlaceholder')}
                data-testid="transfer-agent"
                options={colleagues.map((agent) => {
                  const reason = unavailableReason(agent);
                  return {
                    value: agent.id,
                    title: agent.name,
                    disabled: reason !== null,
                    label: (
                      <span className="transfer-option" data-testid={`transfer-agent-${agent.id}`}>
                        {agent.name}
                        {reason ? (
                          <Tag bordered={false}>{t(`routing.transfer.unavailable.${reason}`)}</Tag>
                        ) : (
                          <Tag bordered={false} color="green">
                            {t('routing.transfer.load', { load: agent.load ?? 0, capacity: agent.capacity ?? '—' })}
                          </Tag>
                        )}
                      </span>
                    ),
                  };
                })}
              />
            </Form.Item>
          ) : (
            <Form.Item name="toGroup" label={t('routing.transfer.group')} rules={[{ required: true }]}>
              <Select
                data-testid="transfer-group"
                options={(settings?.groups ?? []).map((group) => ({ value: group.key, label: groupName(group.key, settings) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('routing.transfer.note')}>
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('routing.transfer.notePlaceholder')}
              data-testid="transfer-note"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
