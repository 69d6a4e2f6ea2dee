import { maskAddress, maskName, maskPhone, type AuditEntry } from '@golddesk/contracts';
import type { AuditRow } from './audit.repository.js';

type Mask = (value: string) => string;

/** Fields that hold a person's data wherever they appear in an entry's before/after. */
const PERSONAL_FIELDS: Record<string, Mask> = {
  phone: maskPhone,
  receiverPhone: maskPhone,
  buyerPhone: maskPhone,
  address: maskAddress,
  receiverAddress: maskAddress,
  receiverName: maskName,
};

/** On orders, `name` is the receiver's (修改收货信息); elsewhere it names a tag, segment or agent. */
const PERSONAL_BY_TARGET: Record<string, Record<string, Mask>> = {
  order: { name: maskName },
};

function maskFields(fields: Record<string, unknown> | null, targetType: string): Record<string, unknown> | null {
  if (!fields) return null;
  const masks = { ...PERSONAL_FIELDS, ...PERSONAL_BY_TARGET[targetType] };
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      const mask = masks[key];
      return [key, mask && typeof value === 'string' && value ? mask(value) : value];
    }),
  );
}

/** An audit entry as the reader may see it: personal data masked unless `personalData` is true. */
export function presentAudit(row: AuditRow, options: { personalData: boolean }): AuditEntry {
  const before = row.before_json ? (JSON.parse(row.before_json) as Record<string, unknown>) : null;
  const after = row.after_json ? (JSON.parse(row.after_json) as Record<string, unknown>) : null;
  return {
    id: row.id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    actor: { kind: row.actor_kind as AuditEntry['actor']['kind'], id: row.actor_id, name: row.actor_name },
    before: options.personalData ? before : maskFields(before, row.target_type),
    after: options.personalData ? after : maskFields(after, row.target_type),
    createdAt: row.created_at,
  };
}
