import type { Capability } from '@golddesk/contracts';
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, useRoutes } from 'react-router';
import { loadAutomationPage } from '../modules/automation';
import { loadCasesPage } from '../modules/cases';
import { loadCataloguePage } from '../modules/catalogue';
import { loadCustomersPage, OrderDrawer } from '../modules/crm';
import { loadImportPage } from '../modules/imports';
import { LogisticsNavLabel, loadLogisticsPage } from '../modules/logistics';
import { loadMeasuresPage } from '../modules/measures';
import { loadMonitorPage } from '../modules/monitor';
import { loadQualityPage } from '../modules/quality';
import { loadSettingsPage } from '../modules/settings';
import { loadTeamPage } from '../modules/team';
import { navigate, paths, useRouteParam } from '../platform/navigation';
import type { Session } from '../platform/session';
import { ConversationPanes } from './ConversationPanes';
import { NotFoundPage } from './NotFoundPage';

type PageProps = { session: Session };

/** One admin page: its address, its link in the header, its code. */
export interface PageEntry {
  /** The address: /<path>, and /<path>/<sub-path> for a tab, a section or an item the page opens. */
  path: string;
  /** The header link's words (an i18n key). */
  label: string;
  /** Only roles with this capability get the link (the page and the server check access too). */
  capability?: Capability;
  /** The page's code, loaded on first visit: each page is its own chunk. */
  load: () => Promise<ComponentType<PageProps>>;
  /** The sub-path's parameter: `tab` (usePageTab) unless the page opens an item there (`caseId`). */
  param?: string;
  /** The link with more than words (物流's count of open exceptions). */
  navLabel?: (label: string) => ReactNode;
  /** False: no link in the page list; the header reaches the page its own way (实时监控's button). */
  headerLink?: false;
}

/**
 * THE table of the signed-in pages, in the header's order (工作台 comes first, see WORKBENCH_ROUTES). Adding a page is
 * one import of its module's loader and one entry here, e.g.
 * `{ path: 'monitor', label: 'monitor.title', capability: 'monitor.view', load: () => loadMonitorPage().then((m) => m.MonitorPage) },`
 */
export const PAGES: PageEntry[] = [
  { path: 'cases', label: 'nav.cases', param: 'caseId', load: () => loadCasesPage().then((m) => m.CasesPage) },
  { path: 'customers', label: 'nav.customers', param: 'buyerId', load: () => loadCustomersPage().then((m) => m.CustomersPage) },
  { path: 'products', label: 'nav.products', load: () => loadCataloguePage().then((m) => m.CataloguePage) },
  {
    path: 'logistics',
    label: 'nav.logistics',
    load: () => loadLogisticsPage().then((m) => m.LogisticsPage),
    navLabel: (label) => <LogisticsNavLabel label={label} />,
  },
  { path: 'automation', label: 'nav.automation', load: () => loadAutomationPage().then((m) => m.AutomationPage) },
  {
    path: 'imports',
    label: 'nav.imports',
    capability: 'imports.run',
    load: () => loadImportPage().then((m) => () => <m.ImportPage />),
  },
  { path: 'measures', label: 'nav.measures', load: () => loadMeasuresPage().then((m) => m.MeasuresPage) },
  { path: 'quality', label: 'nav.quality', load: () => loadQualityPage().then((m) => m.QualityPage) },
  { path: 'team', label: 'nav.team', load: () => loadTeamPage().then((m) => m.TeamPage) },
  {
    path: 'monitor',
    label: 'monitor.title',
    capability: 'monitor.view',
    headerLink: false,
    load: () => loadMonitorPage().then((m) => m.MonitorPage),
  },
  {
    path: 'settings',
    label: 'nav.settings',
    capability: 'settings.open',
    load: () => loadSettingsPage().then((m) => m.SettingsPage),
  },
];

const LOADED = new Map(PAGES.map((page) => [page.path, lazy(() => page.load().then((Page) => ({ default: Page })))]));

function AdminPage({ page, session }: { page: PageEntry; session: Session }) {
  const Page = LOADED.get(page.path)!;
  return (
    <Suspense fallback={<Spin size="large" className="page-loading" />}>
      <Page session={session} />
    </Suspense>
  );
}

/** /orders/:orderId: the order beside the workbench; closing it leaves the workbench as it was. */
function OrderRoute() {
  const orderId = useRouteParam('orderId')!;
  return <OrderDrawer key={orderId} orderId={orderId} onClose={() => navigate(paths.workbench)} />;
}

/** The page for the address: the workbench (/, /conversations/:id, /orders/:id), an admin page, or 404. */
export function WorkbenchRoutes({ session }: PageProps) {
  return useRoutes([
    {
      // One element for the three panes, so switching conversations (or opening an order) keeps them mounted.
      element: <ConversationPanes session={session} />,
      children: [
        { index: true, element: null },
        { path: 'conversations/:conversationId', element: null },
        { path: 'orders/:orderId', element: <OrderRoute /> },
      ],
    },
    ...PAGES.map((page) => ({
      path: `${page.path}/:${page.param ?? 'tab'}?`,
      element: <AdminPage key={page.path} page={page} session={session} />,
    })),
    { path: 'login', element: <Navigate to={paths.workbench} replace /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
