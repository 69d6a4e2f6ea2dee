import type { RoutingSettings } from '@golddesk/contracts';
import { i18next } from '../../platform/i18n';
import './routing.locales';

/** A group as agents read it: the shop's own name, or the built-in group's name in the UI language, or its key. */
export function groupName(key: string, settings?: Pick<RoutingSettings, 'groups'> | null): string {
  const own = settings?.groups.find((group) => group.key === key)?.name;
  if (own) return own;
  const builtIn = `routing.groups.${key}`;
  return i18next.exists(builtIn) ? i18next.t(builtIn) : key;
}
