import type { RoleView } from '@golddesk/contracts';
import { DeleteOutlined, EditOutlined, LockOutlined, MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../../platform/role-label';

interface RoleColumnHeaderProps {
  role: RoleView;
  /** The owner may rename and delete the shop's own roles. */
  editable: boolean;
  onRename: (role: RoleView) => void;
  onDelete: (role: RoleView) => void;
}

/** A column's head: the role's name (built-in ones in the UI's language), how many hold it, and its menu. */
export function RoleColumnHeader({ role, editable, onRename, onDelete }: RoleColumnHeaderProps) {
  const { t } = useTranslation();
  const label = useRoleLabel();
  const menu = editable && !role.builtIn;
  return (
    <div className="matrix-role-head">
      <span className="matrix-role-name" title={label(role.key, role.name)}>
        {role.locked && (
          <Tooltip title={t('team.roles.locked')}>
            <LockOutlined className="matrix-lock" />
          </Tooltip>
        )}
        {label(role.key, role.name)}
      </span>
      <span className="matrix-role-meta">
        {t('team.roles.people', { count: role.agentCount })}
        {menu && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'rename', icon: <EditOutlined />, label: t('team.roles.rename') },
                { key: 'delete', icon: <DeleteOutlined />, label: t('team.roles.delete'), danger: true },
              ],
              onClick: ({ key }) => (key === 'rename' ? onRename(role) : onDelete(role)),
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} data-testid={`matrix-role-menu-${role.key}`} />
          </Dropdown>
        )}
      </span>
    </div>
  );
}
