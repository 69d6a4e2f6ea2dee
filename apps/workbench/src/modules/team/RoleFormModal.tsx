import type { RoleView } from '@golddesk/contracts';
import { Alert, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';

interface RoleFormModalProps {
  /** 新建角色 (name and the role to copy from) or 改名 (name only). */
  mode: 'create' | 'rename';
  /** The name to start from when renaming. */
  initialName?: string;
  /** The roles a new one may copy (create only). */
  roles: readonly RoleView[];
  /** Sends it to the server; a thrown error is shown in the dialog (e.g. the name is taken). */
  onSubmit: (values: { name: string; copyFrom?: string }) => Promise<void>;
  onCancel: () => void;
}

/** The dialog for a role of the shop's own: its name (大促临时工) and, when new, whose permissions it starts with. */
export function RoleFormModal({ mode, initialName, roles, onSubmit, onCancel }: RoleFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; copyFrom?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function finish(values: { name: string; copyFrom?: string }) {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ name: values.name.trim(), copyFrom: values.copyFrom || undefined });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t(mode === 'create' ? 'team.roles.newRoleTitle' : 'team.roles.renameTitle')}
      okText={t(mode === 'create' ? 'team.roles.create' : 'team.roles.save')}
      cancelText={t('team.roles.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'role-form-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="role-form-error" />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={finish} initialValues={{ name: initialName }}>
        <Form.Item
          name="name"
          label={t('team.roles.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('team.roles.name') }) }]}
        >
          <Input maxLength={20} placeholder={t('team.roles.namePlaceholder')} autoFocus data-testid="role-form-name" />
        </Form.Item>
        {mode === 'create' && (
          <Form.Item name="copyFrom" label={t('team.roles.copyFrom')}>
            <Select
              allowClear
              placeholder={t('team.roles.copyNone')}
              options={roles.map((role) => ({ value: role.key, label: role.name }))}
              data-testid="role-form-copy"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
