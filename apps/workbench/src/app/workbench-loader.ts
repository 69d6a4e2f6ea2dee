import { useEffect, useState } from 'react';

type WorkbenchModule = typeof import('./WorkbenchPage');

let loaded: WorkbenchModule | undefined;
let loading: Promise<WorkbenchModule> | undefined;

/** Loads the workbench's code once; after a failure the next call tries again. */
function loadWorkbench(): Promise<WorkbenchModule> {
  loading ??= import('./WorkbenchPage').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const RETRIES = 3;

/**
 * The workbench page once its code is here (most of the app: the login page loads without it). Signed out, the code
 * is fetched when the browser is idle, while the agent types; signed in, at once. Plain state rather than React.lazy:
 * a Suspense boundary holds its content back for up to 300 ms after showing the fallback — time an agent would wait
 * after 登录. A failed load is retried, then the page reloads (after a new release the old chunk names are gone).
 */
export function useWorkbenchPage(signedIn: boolean): WorkbenchModule['WorkbenchPage'] | undefined {
  const [module, setModule] = useState(loaded);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (module) return;
    let active = true;
    const load = () =>
      void loadWorkbench().then(
        (done) => active && setModule(done),
        () => {
          if (!active || !signedIn) return; // signed out, the sign-in tries again
          if (failures >= RETRIES) window.location.reload();
          else setTimeout(() => active && setFailures(failures + 1), 1000 * (failures + 1));
        },
      );
    let cancel = () => {};
    if (signedIn) load();
    else if ('requestIdleCallback' in window) {
      const idle = window.requestIdleCallback(load, { timeout: 2000 });
      cancel = () => window.cancelIdleCallback(idle);
    } else {
      const timer = setTimeout(load, 200);
      cancel = () => clearTimeout(timer);
    }
    return () => {
      active = false;
      cancel();
    };
  }, [module, signedIn, failures]);
  return module?.WorkbenchPage;
}
