import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth';
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

/** Root: locale + theme, and the switch between signing in (or first-run setup) and the workbench. */
export function App() {
  const { i18n } = useTranslation();
  const session = useSession();
  const WorkbenchPage = useWorkbenchPage(!!session);
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
