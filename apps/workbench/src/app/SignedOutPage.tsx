import { Spin } from 'antd';
import { LoginPage } from '../modules/auth';
import { SetupPage, useSetupState } from '../modules/setup';

/** Before sign-in: the first-run setup while the server has no shop yet, otherwise the login form. */
export function SignedOutPage() {
  const [state, setState] = useSetupState();
  // A short spinner rather than a login form that would flash and then turn into the setup form.
  if (state === 'checking') {
    return (
      <div className="login-page" data-testid="setup-checking">
        <Spin size="large" />
      </div>
    );
  }
  return state === 'needed' ? <SetupPage onAlreadySetUp={() => setState('done')} /> : <LoginPage />;
}
