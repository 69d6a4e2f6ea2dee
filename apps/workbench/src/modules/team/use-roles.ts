import type { ListRolesResponse, RoleView } from '@golddesk/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../platform/api-client';
import { onStreamFrame } from '../../platform/realtime';
import { fetchRoles } from './team.api';

export interface RolesState {
  /** The matrix; null until loaded (or when the agent may not read it). */
  matrix: ListRolesResponse | null;
  error: string | null;
  /** Loads it again (after a change made here). */
  reload: () => void;
  /** Puts a role as the server answered after saving it (so the saved state shows at once, not the old one). */
  putRole: (role: RoleView) => void;
}

/**
 * The permissions matrix, for whoever may read it (`enabled`), reloaded whenever the stream says it changed (the owner
 * saved in another tab, a role was made or deleted).
 */
export function useRoles(enabled: boolean): RolesState {
  const [matrix, setMatrix] = useState<ListRolesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    fetchRoles(controller.signal)
      .then((next) => {
        setMatrix(next);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      });
    return () => controller.abort();
  }, [enabled, version]);

  useEffect(
    () => (enabled ? onStreamFrame((frame) => frame.type === 'permissions.changed' && reload()) : undefined),
    [enabled, reload],
  );

  const putRole = useCallback(
    (role: RoleView) =>
      setMatrix((current) => current && { ...current, roles: current.roles.map((r) => (r.key === role.key ? role : r)) }),
    [],
  );

  return { matrix, error, reload, putRole };
}
