import type { AgentView, CreateAgentRequest } from '@golddesk/contracts';
import { IdcardOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useRoleLabel } from '../../platform/role-label';
import { passwordRules, requiredRule, usernameRules } from './agent-form-rules';
import { addAgent, type RoleChoice } from './team.api';

interface AddAgentModalProps {
  /** Whether the dialog is shown. */
  open: boolean;
  /** The roles the signed-in agent may hand out (the shop's own among them); the select offers only these. */
  roles: readonly RoleChoice[];
  /** Called with the new colleague once the server has created them. */
  onAdded: (agent: AgentView) => void;
  onCancel: () => void;
}

// Most new colleagues answer buyers: pre-select 售前 when it may be given.
function defaultRole(roles: readonly RoleChoice[]): string | undefined {
  return roles.some((role) => role.key === 'presale') ? 'presale' : roles[0]?.key;
}

/** The 添加客服 dialog: account, name, role and initial password. */
export function AddAgentModal({ open, roles, onAdded, onCancel }: AddAgentModalProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<CreateAgentRequest>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onFinish(values: CreateAgentRequest) {
    setSubmitting(true);
    setError(null);
    try {
      const agent = await addAgent({ ...values, username: values.username.trim(), name: values.name.trim() });
      form.resetFields();
      onAdded(agent);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  function cancel() {
    setError(null);
    form.resetFields();
    onCancel();
  }

  return (
    <Modal
      open={open}
      title={t('team.addTitle')}
      okText={t('team.addSubmit')}
      cancelText={t('team.cancel')}
      onOk={() => form.submit()}
      onCancel={cancel}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'team-add-submit' } as ButtonProps}
      forceRender // keeps the form mounted so `form` stays connected while the dialog is closed
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="team-add-error" />}
      <Form<CreateAgentRequest>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ role: defaultRole(roles) }}
      >
        <Form.Item
          name="username"
          label={t('team.username')}
          rules={usernameRules(t, t('team.username'))}
          extra={t('team.usernameHint')}
        >
          <Input prefix={<UserOutlined />} maxLength={64} autoComplete="off" data-testid="team-add-username" />
        </Form.Item>
        <Form.Item name="name" label={t('team.name')} rules={[requiredRule(t, t('team.name'))]}>
          <Input prefix={<IdcardOutlined />} maxLength={32} autoComplete="off" data-testid="team-add-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('team.role')}
          rules={[{ required: true, message: t('form.required', { field: t('team.role') }) }]}
        >
          <Select<string>
            options={roles.map((role) => ({ value: role.key, label: roleLabel(role.key, role.name) }))}
            data-testid="team-add-role"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('team.password')}
          rules={passwordRules(t, t('team.password'))}
          extra={t('team.passwordHint')}
        >
          <Input.Password prefix={<LockOutlined />} maxLength={256} autoComplete="new-password" data-testid="team-add-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
