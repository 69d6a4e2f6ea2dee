import { onStreamFrame } from '../../platform/realtime';
import { getSession } from '../../platform/session';
import { refreshMe } from './auth.api';

// The owner changed my role's column of the permissions matrix: ask again what I may do, so buttons appear or go
// without a reload (the server already decides with the new column).
onStreamFrame((frame) => {
  const mine =
    (frame.type === 'permissions.changed' && frame.role === getSession()?.agent.role) ||
    (frame.type === 'agent.role_changed' && frame.agentId === getSession()?.agent.id);
  if (!mine) return;
  refreshMe().catch(() => undefined); // a 401 here sends the agent back to login
});
