import type { TransferConversationRequest } from '@golddesk/contracts';
import { App as AntApp, Form, Input, Modal, Segmented, Select, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { transferConversation } from './routing.api';
import './routing.locales';

type Mode = 'agent' | 'group';

/** A colleague as the dialog offers them: why they cannot take the buyer now (null: they can), and their load. */
export interface TransferColleague {
  id: string;
  name: string;
  unavailable: 'offline' | 'busy' | 'full' | null;
  load: number;
  capacity: number | null;
}

export interface TransferGroup {
  key: string;
  /** Shown as it is (the caller names it: 售后, or 售后 · 2 free). */
  label: string;
}

interface TransferModalProps {
  conversationId: string;
  title: string;
  colleagues: readonly TransferColleague[];
  groups: readonly TransferGroup[];
  onClose: () => void;
  /** After the buyer moved: whom to, as said in the success message. */
  onDone?: (to: string) => void;
  /** data-testid prefix of the dialog's parts (`transfer`, `monitor-reassign`). */
  testId?: string;
  /** The confirm button's word (转接 by default; 改派 from the monitor). */
  okText?: string;
}

/**
 * 转接 / 改派: the buyer goes to a colleague who takes buyers now and has room, or to a group (its next free member,
 * else its queue), with a note only the colleague reads. One dialog for the chat header and the monitor.
 */
export function TransferModal(props: TransferModalProps) {
  const { conversationId, title, colleagues, groups, onClose, onDone, testId = 'transfer', okText } = props;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<Mode>('agent');
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ toAgentId?: string; toGroup?: string; note?: string }>();

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const note = values.note?.trim() ?? '';
      const body: TransferConversationRequest =
        mode === 'agent' ? { toAgentId: values.toAgentId, note } : { toGroup: values.toGroup, note };
      await transferConversation(conversationId, body);
      const to =
        mode === 'agent'
          ? (colleagues.find((agent) => agent.id === values.toAgentId)?.name ?? '')
          : (groups.find((group) => group.key === values.toGroup)?.label ?? '');
      message.success(t('routing.transfer.done', { to }));
      onDone?.(to);
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('routing.transfer.ok')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId}-ok` } as ButtonProps}
    >
      <Segmented<Mode>
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'agent', label: t('routing.transfer.toAgent') },
          { value: 'group', label: t('routing.transfer.toGroup') },
        ]}
        className="transfer-mode"
        data-testid={`${testId}-mode`}
      />
      <Form form={form} layout="vertical" preserve={false}>
        {mode === 'agent' ? (
          <Form.Item name="toAgentId" label={t('routing.transfer.colleague')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'title' }}
              placeholder={t('routing.transfer.colleaguePlaceholder')}
              data-testid={`${testId}-agent`}
              options={colleagues.map((agent) => ({
                value: agent.id,
                title: agent.name,
                disabled: agent.unavailable !== null,
                label: (
                  <span className="transfer-option" data-testid={`${testId}-agent-${agent.id}`}>
                    {agent.name}
                    <Tag bordered={false} color={agent.unavailable ? 'default' : 'green'}>
                      {agent.unavailable
                        ? t(`routing.transfer.unavailable.${agent.unavailable}`)
                        : t('routing.transfer.load', { load: agent.load, capacity: agent.capacity ?? '—' })}
                    </Tag>
                  </span>
                ),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="toGroup" label={t('routing.transfer.group')} rules={[{ required: true }]}>
            <Select data-testid={`${testId}-group`} options={groups.map((group) => ({ value: group.key, label: group.label }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('routing.transfer.note')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('routing.transfer.notePlaceholder')}
            data-testid={`${testId}-note`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
