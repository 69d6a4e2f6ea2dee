import type { TagView } from '@golddesk/contracts';
import { createStore, useStore } from '../../platform/store';
import { listTags } from './crm.api';

/** The shop's tag list, loaded once per session and refreshed when a tag is created. */
export const tagStore = createStore<TagView[] | null>(null);
let loading: Promise<void> | null = null;

export function loadShopTags(force = false): Promise<void> {
  if (!loading || force) {
    loading = listTags()
      .then((tags) => tagStore.set(tags))
      .catch(() => {
        loading = null;
      });
  }
  return loading;
}

export function useShopTags(): TagView[] {
  return useStore(tagStore, (s) => s) ?? EMPTY;
}
const EMPTY: TagView[] = [];
