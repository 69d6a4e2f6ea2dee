import type { RoleLimits, RoleView } from '@golddesk/contracts';
import { PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Skeleton, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { changeCount, patchesOf, setLimit, toggleCell, type MatrixEdits } from './matrix-draft';
import { MatrixTable } from './MatrixTable';
import { RoleColumnHeader } from './RoleColumnHeader';
import { RoleFormModal } from './RoleFormModal';
import { createRole, deleteRole, updateRole } from './team.api';
import type { RolesState } from './use-roles';

interface RolesMatrixProps {
  roles: RolesState;
  /** The owner (team.manage_roles) changes the matrix; managers read it. */
  editable: boolean;
}

type Dialog = { mode: 'create' } | { mode: 'rename'; role: RoleView } | null;

/**
 * 角色与权限: the matrix of what each role may do, with the limits beside it. Ticks stay highlighted until saved; saving
 * sends one change per role, and the role's agents have it at once (their workbench is told on the stream).
 */
export function RolesMatrix({ roles, editable }: RolesMatrixProps) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [edits, setEdits] = useState<MatrixEdits>({});
  const [saving, setSaving] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { matrix, error, reload, putRole } = roles;

  if (error) return <Alert type="error" showIcon title={error} data-testid="roles-error" />;
  if (!matrix) return <Skeleton active paragraph={{ rows: 10 }} />;
  const changes = changeCount(matrix.roles, edits);

  async function save() {
    setSaving(true);
    try {
      for (const { key, body } of patchesOf(matrix!.roles, edits)) {
        putRole(await updateRole(key, body));
        // Saved roles leave the draft one by one: a refusal later keeps only what is still unsaved.
        setEdits(({ [key]: _saved, ...rest }) => rest);
      }
      void message.success(t('team.roles.saved'));
    } catch (caught) {
      void message.error(errorMessage(caught));
    } finally {
      setSaving(false);
      reload();
    }
  }

  async function submitRole(values: { name: string; copyFrom?: string }) {
    if (dialog?.mode === 'rename') {
      await updateRole(dialog.role.key, { name: values.name });
      void message.success(t('team.roles.renamed', { name: values.name }));
    } else {
      await createRole(values);
      void message.success(t('team.roles.created', { name: values.name }));
    }
    setDialog(null);
    reload();
  }

  function remove(role: RoleView) {
    if (role.agentCount > 0) {
      void message.warning(t('team.roles.inUse', { count: role.agentCount }));
      return;
    }
    modal.confirm({
      title: t('team.roles.deleteConfirm', { name: role.name }),
      okText: t('team.roles.delete'),
      okButtonProps: { danger: true, 'data-testid': 'role-delete-confirm' } as ButtonProps,
      cancelText: t('team.roles.cancel'),
      onOk: async () => {
        try {
          await deleteRole(role.key);
          void message.success(t('team.roles.deleted', { name: role.name }));
        } catch (caught) {
          void message.error(errorMessage(caught));
        }
        reload();
      },
    });
  }

  return (
    <div className="roles-matrix" data-testid="roles-tab">
      <div className="roles-toolbar">
        <Typography.Text type="secondary" className="roles-hint">
          {t(editable ? 'team.roles.hint' : 'team.roles.readOnly')}
        </Typography.Text>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })} data-testid="roles-new">
            {t('team.roles.newRole')}
          </Button>
        )}
      </div>
      <MatrixTable
        matrix={matrix}
        edits={edits}
        editable={editable && !saving}
        onToggle={(role, capability, on) => setEdits((current) => toggleCell(current, role, capability, on))}
        onLimit={(role, field: keyof RoleLimits, value) => setEdits((current) => setLimit(current, role, field, value))}
        header={(role) => (
          <RoleColumnHeader
            role={role}
            editable={editable}
            onRename={(target) => setDialog({ mode: 'rename', role: target })}
            onDelete={remove}
          />
        )}
      />
      {editable && changes > 0 && (
        // Stays in view at the bottom while the owner scrolls through the rows.
        <div className="roles-savebar" data-testid="roles-savebar">
          <Typography.Text>{t('team.roles.pending', { count: changes })}</Typography.Text>
          <Space>
            <Button icon={<UndoOutlined />} disabled={saving} onClick={() => setEdits({})} data-testid="roles-discard">
              {t('team.roles.discard')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              onClick={() => void save()}
              data-testid="roles-save"
              data-changes={changes}
            >
              {t('team.roles.save')}
            </Button>
          </Space>
        </div>
      )}
      {dialog && (
        <RoleFormModal
          mode={dialog.mode}
          initialName={dialog.mode === 'rename' ? dialog.role.name : undefined}
          roles={matrix.roles}
          onSubmit={submitRole}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
