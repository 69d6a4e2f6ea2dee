import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import type { Session } from '../platform/session';
import type { View } from './navigation';

type PageProps = { session: Session };

// Each admin page is its own chunk: the workbench an agent opens all day loads without them.
const PAGES: Record<Exclude<View, 'workbench'>, ComponentType<PageProps>> = {
  customers: lazy(() => import('../modules/crm/CustomersPage').then((m) => ({ default: m.CustomersPage }))),
  products: lazy(() => import('../modules/catalogue/CataloguePage').then((m) => ({ default: m.CataloguePage }))),
  logistics: lazy(() => import('../modules/logistics/LogisticsPage').then((m) => ({ default: m.LogisticsPage }))),
  automation: lazy(() => import('../modules/automation/AutomationPage').then((m) => ({ default: m.AutomationPage }))),
  imports: lazy(() => import('../modules/imports/ImportPage').then((m) => ({ default: () => <m.ImportPage /> }))),
  team: lazy(() => import('../modules/team/TeamPage').then((m) => ({ default: m.TeamPage }))),
  settings: lazy(() => import('../modules/settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
};

/** The admin page for `view`, loaded on first visit. */
export function AdminPage({ view, session }: { view: Exclude<View, 'workbench'>; session: Session }) {
  const Page = PAGES[view];
  return (
    <Suspense fallback={<Spin size="large" className="page-loading" />}>
      <Page session={session} />
    </Suspense>
  );
}
