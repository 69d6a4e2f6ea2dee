import type { CapabilityInfo, ListRolesResponse, RoleLimits, RoleView } from '@golddesk/contracts';
import { Checkbox, InputNumber, Tooltip } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { draftCapabilities, draftLimit, isCellDirty, isLimitDirty, type MatrixEdits } from './matrix-draft';

interface MatrixTableProps {
  matrix: ListRolesResponse;
  edits: MatrixEdits;
  /** The owner may tick; managers read. */
  editable: boolean;
  onToggle: (role: RoleView, capability: string, on: boolean) => void;
  onLimit: (role: RoleView, field: keyof RoleLimits, value: number) => void;
  /** A column's header (name, people, the custom role's menu). */
  header: (role: RoleView) => ReactNode;
}

// Each limit sits right under the capability it bounds: 改价 → discount, 售后补偿 → goodwill.
const LIMIT_AFTER: Record<string, keyof RoleLimits> = {
  'orders.change_price': 'discount',
  'cases.compensate': 'compensationFen',
};
// Who holds these is above the limit (nobody to approve it, or they set the limits themselves).
const BEYOND: Record<keyof RoleLimits, string> = {
  discount: 'orders.change_price_beyond_limit',
  compensationFen: 'cases.set_authority',
};

/** The matrix itself: rows of capabilities in groups (会话 / 订单 / 售后 / 客户 / 店铺设置 / 团队), a column per role. */
export function MatrixTable({ matrix, edits, editable, onToggle, onLimit, header }: MatrixTableProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const { roles } = matrix;

  const cell = (role: RoleView, capability: CapabilityInfo) => {
    const checked = draftCapabilities(role, edits).includes(capability.key);
    const fixed = role.locked || (capability.ownerOnly && role.key !== 'owner');
    const box = (
      <Checkbox
        checked={checked}
        disabled={!editable || fixed}
        onChange={(event) => onToggle(role, capability.key, event.target.checked)}
        data-testid={`matrix-${role.key}-${capability.key}`}
        aria-label={`${role.name} · ${english ? capability.en : capability.zh}`}
      />
    );
    const dirty = isCellDirty(role, edits, capability.key);
    return (
      <td key={role.key} className={dirty ? 'matrix-cell dirty' : 'matrix-cell'} data-dirty={dirty || undefined}>
        {fixed ? <Tooltip title={t(role.locked ? 'team.roles.locked' : 'team.roles.ownerOnly')}>{box}</Tooltip> : box}
      </td>
    );
  };

  const limitCell = (role: RoleView, field: keyof RoleLimits) => {
    const dirty = isLimitDirty(role, edits, field);
    const unlimited = role.locked || draftCapabilities(role, edits).includes(BEYOND[field]);
    const value = draftLimit(role, edits, field);
    const input =
      field === 'discount' ? (
        <InputNumber
          size="small"
          min={0}
          max={100}
          step={1}
          precision={0}
          suffix="%"
          value={Math.round(value * 100)}
          onChange={(next) => onLimit(role, field, (next ?? 0) / 100)}
          disabled={!editable}
          data-testid={`matrix-limit-${role.key}-${field}`}
        />
      ) : (
        <InputNumber
          size="small"
          min={0}
          max={1_000_000}
          step={5}
          precision={0}
          prefix="¥"
          value={Math.round(value / 100)}
          onChange={(next) => onLimit(role, field, (next ?? 0) * 100)}
          disabled={!editable}
          data-testid={`matrix-limit-${role.key}-${field}`}
        />
      );
    return (
      <td key={role.key} className={dirty ? 'matrix-cell matrix-limit dirty' : 'matrix-cell matrix-limit'}>
        {unlimited ? <span className="matrix-unlimited">{t('team.roles.unlimited')}</span> : input}
      </td>
    );
  };

  const limitRow = (field: keyof RoleLimits) => (
    <tr key={`limit-${field}`} className="matrix-limit-row" data-testid={`matrix-limit-row-${field}`}>
      <th scope="row" className="matrix-label">
        <Tooltip title={t(field === 'discount' ? 'team.roles.discountHint' : 'team.roles.compensationHint')} placement="right">
          <span className="matrix-limit-label">
            {t(field === 'discount' ? 'team.roles.discountLimit' : 'team.roles.compensationLimit')}
          </span>
        </Tooltip>
      </th>
      {roles.map((role) => limitCell(role, field))}
    </tr>
  );

  return (
    <div className="matrix-scroll">
      <table className="matrix-table" data-testid="roles-matrix">
        <thead>
          <tr>
            <th className="matrix-label">{t('team.roles.capability')}</th>
            {roles.map((role) => (
              <th key={role.key} className="matrix-role" data-testid={`matrix-role-${role.key}`}>
                {header(role)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.groups.map((group) => (
            <Fragment key={group.key}>
              <tr className="matrix-group">
                <th colSpan={roles.length + 1}>{english ? group.en : group.zh}</th>
              </tr>
              {matrix.capabilities
                .filter((capability) => capability.group === group.key)
                .map((capability) => (
                  <Fragment key={capability.key}>
                    <tr data-testid={`matrix-row-${capability.key}`}>
                      <th scope="row" className="matrix-label" title={capability.key}>
                        {english ? capability.en : capability.zh}
                      </th>
                      {roles.map((role) => cell(role, capability))}
                    </tr>
                    {LIMIT_AFTER[capability.key] && limitRow(LIMIT_AFTER[capability.key]!)}
                  </Fragment>
                ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
