import type { LoginResponse, SetupRequest, SetupStatusResponse } from '@golddesk/contracts';
import { useEffect, useState } from 'react';
import { apiRequest } from '../../platform/api-client';
import type { Session } from '../../platform/session';
import { startSession, rememberLogin } from '../auth';

// contracts exports the schema but no type for this answer; derive it from the schema (type-only, no zod at runtime).
type SetupStatus = ReturnType<typeof SetupStatusResponse.parse>;

/** Whether the signed-out screen should be the first-run setup, the login form, or not decided yet. */
export type SetupState = 'checking' | 'needed' | 'done';

/** Creates the shop and its owner, then signs the owner in like a login. Throws ApiError (409 once a shop exists). */
export async function setUpShop(request: SetupRequest): Promise<Session> {
  const answer = await apiRequest<LoginResponse>('/api/v1/setup', { method: 'POST', body: request, skipAuth: true });
  rememberLogin(request.shop, request.username);
  return startSession(answer, request.shop);
}

/** Asks the server once per mount whether first-run setup is needed; any failure falls back to the login form. */
export function useSetupState(): [SetupState, (state: SetupState) => void] {
  const [state, setState] = useState<SetupState>('checking');
  useEffect(() => {
    const controller = new AbortController();
    apiRequest<SetupStatus>('/api/v1/setup', { skipAuth: true, signal: controller.signal })
      .then((answer) => setState(answer.needed ? 'needed' : 'done'))
      .catch(() => {
        if (!controller.signal.aborted) setState('done');
      });
    return () => controller.abort();
  }, []);
  return [state, setState];
}
