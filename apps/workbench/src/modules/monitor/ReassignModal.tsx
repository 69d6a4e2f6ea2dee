import type { MonitorAgent, MonitorResponse } from '@golddesk/contracts';
import { App as AntApp, Form, Input, Modal, Segmented, Select, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { getSession } from '../../platform/session';
import { reassignBuyer } from './monitor.api';
import type { WaitingRow } from './monitor-rows';

type Mode = 'agent' | 'group';
interface Values {
  toAgentId?: string;
  toGroup?: string;
  note?: string;
}

interface ReassignModalProps {
  /** The buyer to reassign. */
  row: WaitingRow;
  /** Colleagues and groups to choose from, as the monitor shows them now. */
  snapshot: MonitorResponse;
  onClose: () => void;
  /** After the buyer moved (the monitor refetches). */
  onDone: () => void;
}

/** Why a colleague cannot take a buyer now (null: they can). */
function unavailable(agent: MonitorAgent): 'offline' | 'busy' | 'full' | null {
  if (agent.status !== 'online') return agent.status;
  return agent.load >= agent.capacity ? 'full' : null;
}

/** 改派: the buyer goes to an online colleague with room, or to a group (its next free member, else its queue). */
export function ReassignModal({ row, snapshot, onClose, onDone }: ReassignModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<Mode>('agent');
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const me = getSession()?.agent.id;
  const colleagues = snapshot.agents.filter((agent) => agent.id !== me && agent.id !== row.assignee?.id);
  const groups = snapshot.groups.filter((group) => group.key !== '');

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const note = values.note?.trim() ?? '';
      await reassignBuyer(
        row.buyer.conversationId,
        mode === 'agent' ? { toAgentId: values.toAgentId, note } : { toGroup: values.toGroup, note },
      );
      const to =
        mode === 'agent'
          ? colleagues.find((agent) => agent.id === values.toAgentId)?.name
          : groups.find((group) => group.key === values.toGroup)?.name;
      message.success(t('monitor.reassign.done', { to }));
      onDone();
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
      title={t('monitor.reassign.title', { nick: row.buyer.buyer.nick })}
      okText={t('monitor.reassign.ok')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'monitor-reassign-ok' } as ButtonProps}
    >
      <Segmented<Mode>
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'agent', label: t('monitor.reassign.toAgent') },
          { value: 'group', label: t('monitor.reassign.toGroup') },
        ]}
        className="monitor-reassign-mode"
        data-testid="monitor-reassign-mode"
      />
      <Form form={form} layout="vertical" preserve={false}>
        {mode === 'agent' ? (
          <Form.Item name="toAgentId" label={t('monitor.reassign.colleague')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'title' }}
              placeholder={t('monitor.reassign.colleaguePlaceholder')}
              data-testid="monitor-reassign-agent"
              options={colleagues.map((agent) => {
                const reason = unavailable(agent);
                return {
                  value: agent.id,
                  title: agent.name,
                  disabled: reason !== null,
                  label: (
                    <span data-testid={`monitor-reassign-agent-${agent.id}`}>
                      {agent.name}{' '}
                      <Tag bordered={false} color={reason ? 'default' : 'green'}>
                        {reason === 'full'
                          ? t('monitor.reassign.full')
                          : reason
                            ? t(`agentStatus.${reason}`)
                            : t('monitor.reassign.load', { load: agent.load, capacity: agent.capacity })}
                      </Tag>
                    </span>
                  ),
                };
              })}
            />
          </Form.Item>
        ) : (
          <Form.Item name="toGroup" label={t('monitor.reassign.group')} rules={[{ required: true }]}>
            <Select
              data-testid="monitor-reassign-group"
              options={groups.map((group) => ({
                value: group.key,
                label: `${group.name} · ${t('monitor.groups.freeSlots', { count: group.freeSlots })}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('monitor.reassign.note')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('monitor.reassign.notePlaceholder')}
            data-testid="monitor-reassign-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
