import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { loadAutomationPage } from '../modules/automation';
import { loadCasesPage } from '../modules/cases';
import { loadCataloguePage } from '../modules/catalogue';
import { loadCustomersPage } from '../modules/crm';
import { loadImportPage } from '../modules/imports';
import { loadLogisticsPage } from '../modules/logistics';
import { loadSettingsPage } from '../modules/settings';
import { loadTeamPage } from '../modules/team';
import type { View } from '../platform/navigation';
import type { Session } from '../platform/session';

type PageProps = { session: Session };

// Each admin page is its own chunk: the workbench an agent opens all day loads without them.
const PAGES: Record<Exclude<View, 'workbench'>, ComponentType<PageProps>> = {
  cases: lazy(() => loadCasesPage().then((m) => ({ default: m.CasesPage }))),
  customers: lazy(() => loadCustomersPage().then((m) => ({ default: m.CustomersPage }))),
  products: lazy(() => loadCataloguePage().then((m) => ({ default: m.CataloguePage }))),
  logistics: lazy(() => loadLogisticsPage().then((m) => ({ default: m.LogisticsPage }))),
  automation: lazy(() => loadAutomationPage().then((m) => ({ default: m.AutomationPage }))),
  imports: lazy(() => loadImportPage().then((m) => ({ default: () => <m.ImportPage /> }))),
  team: lazy(() => loadTeamPage().then((m) => ({ default: m.TeamPage }))),
  settings: lazy(() => loadSettingsPage().then((m) => ({ default: m.SettingsPage }))),
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
