// Auth: signing in and out, the session hook, and the card the signed-out pages share.
// Loaded with the module: my capabilities follow the permissions matrix while the workbench is open.
import './permissions-sync';

export { LoginPage } from './LoginPage';
export { SignedOutCard } from './SignedOutCard';
export { logout, refreshMe, startSession, useSession } from './auth.api';
export { rememberLogin } from './last-login';
export { AgentStatusSwitch } from './AgentStatusSwitch';
