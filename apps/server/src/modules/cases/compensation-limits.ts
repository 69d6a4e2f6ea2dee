import type { Queryable } from '../../platform/db/database.js';
import { readAftersalePolicy, writeAftersalePolicy } from './case.policy.js';

/** The goodwill each role may give per case without asking (fen), as the after-sales policy keeps it. */
export async function readCompensationLimits(db: Queryable, shopId: string): Promise<Record<string, number>> {
  return (await readAftersalePolicy(db, shopId)).compensationLimitsFen;
}

/**
 * Sets one role's goodwill limit (the permissions matrix writes it beside the policy page's 补偿权限), or with null
 * forgets it (a deleted role). The rest of the policy stays as it is.
 */
export async function writeCompensationLimit(db: Queryable, shopId: string, role: string, fen: number | null): Promise<void> {
  const policy = await readAftersalePolicy(db, shopId);
  const limits = { ...policy.compensationLimitsFen };
  if (fen === null) delete limits[role];
  else limits[role] = fen;
  await writeAftersalePolicy(db, shopId, { ...policy, compensationLimitsFen: limits });
}
