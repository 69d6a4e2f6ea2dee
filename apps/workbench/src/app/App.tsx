import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useSession } from '../modules/auth';
import { createAppRouter } from '../platform/navigation';
import './session-lifecycle';
import { SignedOutPage } from './SignedOutPage';
import { useWorkbenchPage } from './workbench-loader';

const THEME = {
  token: {
    colorPrimary: '#ff6a00',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'",
  },
};

// Before real addresses the page was in the hash (/#/team): such links still work, moved once to the path.
const OLD_HASH = /^#(\/[\w-]+)$/;

/**
 * Locale + theme, and the switch between signing in (or first-run setup) and the workbench. Signed out, the address
 * stays as it is (a colleague's link): the workbench shows it once the agent has signed in.
 */
function AppShell() {
  const { i18n } = useTranslation();
  const session = useSession();
  const WorkbenchPage = useWorkbenchPage(!!session);
  const location = useLocation();
  const oldHash = location.pathname === '/' ? OLD_HASH.exec(location.hash)?.[1] : undefined;
  if (oldHash) return <Navigate to={oldHash} replace />;
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUSLocale : zhCNLocale} theme={THEME}>
      <AntApp className="app-root">
        {!session ? (
          <SignedOutPage />
        ) : WorkbenchPage ? (
          <WorkbenchPage key={session.agent.id} session={session} />
        ) : (
          <Spin size="large" className="page-loading" data-testid="workbench-loading" />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

const router = createAppRouter(<AppShell />);

/** Root: the router, with the app on every address (app/routes.tsx holds the signed-in ones). */
export function App() {
  return <RouterProvider router={router} />;
}
