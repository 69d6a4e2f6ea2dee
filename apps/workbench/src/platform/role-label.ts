import { isBuiltInRole } from '@golddesk/contracts';
import { useTranslation } from 'react-i18next';
import { useSyncExternalStore } from 'react';
import { peekSession, subscribeSession } from './session';

/** A role's name: built-in roles in the UI's language (店长, 售前 …), the shop's own as the owner named them. */
export function useRoleLabel(): (role: string, customName?: string) => string {
  const { t } = useTranslation();
  return (role, customName) => (isBuiltInRole(role) ? t(`role.${role}`) : (customName ?? role));
}

/** The signed-in agent's role name (大促临时工 for a role the shop made). */
export function useMyRoleLabel(): string {
  const label = useRoleLabel();
  const session = useSyncExternalStore(subscribeSession, peekSession);
  return session ? label(session.agent.role, session.agent.roleName) : '';
}
