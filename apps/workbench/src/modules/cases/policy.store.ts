import type { AftersalePolicy } from '@golddesk/contracts';
import { useEffect } from 'react';
import { createStore, useStore } from '../../platform/store';
import { fetchPolicy } from './cases.api';

/** The shop's after-sales policy (guide phrases, authority limits), read once per session and after the settings save it. */
const policyStore = createStore<AftersalePolicy | null>(null);
let loading: Promise<void> | null = null;

function loadPolicy(): Promise<void> {
  loading ??= fetchPolicy()
    .then((policy) => policyStore.set(policy))
    .catch(() => {
      loading = null; // the next reader tries again
    });
  return loading;
}

/** The policy as last saved (null until loaded). */
export function usePolicy(): AftersalePolicy | null {
  useEffect(() => void loadPolicy(), []);
  return useStore(policyStore, (policy) => policy);
}

/** The settings page saved a new policy. */
export function putPolicy(policy: AftersalePolicy): void {
  policyStore.set(policy);
}
