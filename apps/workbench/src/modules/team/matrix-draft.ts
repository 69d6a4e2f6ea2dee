import type { RoleLimits, RoleView, UpdateRoleRequest } from '@golddesk/contracts';

/** Unsaved changes of the matrix, per role: its whole column of capabilities, and limits. */
export type MatrixEdits = Record<string, { capabilities?: string[]; limits?: Partial<RoleLimits> }>;

/** The role's column as shown: with its unsaved changes. */
export function draftCapabilities(role: RoleView, edits: MatrixEdits): readonly string[] {
  return edits[role.key]?.capabilities ?? role.capabilities;
}

/** The role's limit as shown: with its unsaved change. */
export function draftLimit(role: RoleView, edits: MatrixEdits, field: keyof RoleLimits): number {
  return edits[role.key]?.limits?.[field] ?? role.limits[field];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/** Ticks or unticks one cell; a column back as saved has no edit left. */
export function toggleCell(edits: MatrixEdits, role: RoleView, capability: string, on: boolean): MatrixEdits {
  const current = draftCapabilities(role, edits).filter((c) => c !== capability);
  const next = on ? [...current, capability] : current;
  const { capabilities: _dropped, ...rest } = edits[role.key] ?? {};
  return { ...edits, [role.key]: sameSet(next, role.capabilities) ? rest : { ...rest, capabilities: next } };
}

/** Sets one limit; back to the saved value, it has no edit left. */
export function setLimit(edits: MatrixEdits, role: RoleView, field: keyof RoleLimits, value: number): MatrixEdits {
  const limits = { ...edits[role.key]?.limits };
  if (value === role.limits[field]) delete limits[field];
  else limits[field] = value;
  const { limits: _dropped, ...rest } = edits[role.key] ?? {};
  return { ...edits, [role.key]: Object.keys(limits).length > 0 ? { ...rest, limits } : rest };
}

/** Whether the cell differs from what is saved (highlighted until saved). */
export function isCellDirty(role: RoleView, edits: MatrixEdits, capability: string): boolean {
  const draft = edits[role.key]?.capabilities;
  return !!draft && draft.includes(capability) !== role.capabilities.includes(capability);
}

export function isLimitDirty(role: RoleView, edits: MatrixEdits, field: keyof RoleLimits): boolean {
  const value = edits[role.key]?.limits?.[field];
  return value !== undefined && value !== role.limits[field];
}

/** One PATCH per changed role, against the matrix as it is saved now (a reload may have made an edit moot). */
export function patchesOf(roles: readonly RoleView[], edits: MatrixEdits): { key: string; body: UpdateRoleRequest }[] {
  return roles.flatMap((role) => {
    const edit = edits[role.key];
    if (!edit) return [];
    const capabilities = edit.capabilities && !sameSet(edit.capabilities, role.capabilities) ? edit.capabilities : undefined;
    const limits = Object.fromEntries(
      Object.entries(edit.limits ?? {}).filter(([field, value]) => value !== role.limits[field as keyof RoleLimits]),
    ) as Partial<RoleLimits>;
    const body: UpdateRoleRequest = {
      ...(capabilities ? { capabilities: capabilities as UpdateRoleRequest['capabilities'] } : {}),
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
    };
    return Object.keys(body).length > 0 ? [{ key: role.key, body }] : [];
  });
}

/** How many cells and limits differ from what is saved (the save button counts them). */
export function changeCount(roles: readonly RoleView[], edits: MatrixEdits): number {
  return roles.reduce((count, role) => {
    const edit = edits[role.key];
    if (!edit) return count;
    const cells = edit.capabilities
      ? new Set([...edit.capabilities, ...role.capabilities]).size -
        edit.capabilities.filter((c) => role.capabilities.includes(c)).length
      : 0;
    const limits = (['discount', 'compensationFen'] as const).filter((field) => isLimitDirty(role, edits, field)).length;
    return count + cells + limits;
  }, 0);
}
