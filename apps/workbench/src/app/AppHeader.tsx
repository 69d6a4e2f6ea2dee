import { EllipsisOutlined, LogoutOutlined } from '@ant-design/icons';
import { can } from '@golddesk/contracts';
import { Avatar, Badge, Button, Menu, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Session } from '../platform/session';
import { useStore } from '../platform/store';
import { AgentStatusSwitch, logout } from '../modules/auth';
import { ApprovalEntry } from '../modules/approvals';
import { CaseOverlay } from '../modules/cases';
import { MonitorEntry } from '../modules/monitor';
import { RoutingNotices } from '../modules/routing';
import { SearchBox } from '../modules/search';
import { LanguageSwitch } from '../platform/ui/LanguageSwitch';
import { navigate, paths } from '../platform/navigation';
import { useRoleLabel } from '../platform/role-label';
import { streamStatusStore } from '../platform/realtime';
import './app-header.locales';
import './app-header.css';
import { PAGES, type PageEntry } from './routes';

interface AppHeaderProps {
  /** The signed-in agent and shop. */
  session: Session;
  /** Opens a conversation chosen from search results. */
  onOpenConversation: (conversationId: string) => void;
}

// Text only: the header is tight and icons would push the shop name into an ellipsis. Pages that do not fit (English
// labels, an owner's longer list, a narrow window) fold into 更多 at the end, so the right-hand controls stay in view.
// 工作台, then the pages of the routes table in its order.
const WORKBENCH = 'workbench';
const NAV_ITEMS: Pick<PageEntry, 'path' | 'label' | 'capability' | 'navLabel'>[] = [
  { path: WORKBENCH, label: 'nav.workbench' },
  ...PAGES.filter((page) => page.headerLink !== false),
];
/** Addresses that show the three-pane workbench. */
const WORKBENCH_PATHS = new Set(['', 'conversations', 'orders']);

/** The header link of the page at `pathname` (its first segment); none for an unknown address (the 404). */
function navKeyOf(pathname: string): string | undefined {
  const first = pathname.split('/')[1] ?? '';
  if (WORKBENCH_PATHS.has(first)) return WORKBENCH;
  return PAGES.some((page) => page.path === first) ? first : undefined;
}

const STATUS_BADGE = { open: 'success', connecting: 'processing', closed: 'error' } as const;
const STATUS_TEXT = { open: 'header.online', connecting: 'header.connecting', closed: 'header.offline' } as const;

/** Top bar: shop, page navigation, search, connection, agent and role, language, sign-out. */
export function AppHeader({ session, onOpenConversation }: AppHeaderProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const current = navKeyOf(useLocation().pathname);
  const status = useStore(streamStatusStore, (s) => s);
  return (
    <header className="app-header">
      <div className="app-header-brand">
        <span className="brand-mark small">金</span>
        <span className="app-header-title">{t('app.title')}</span>
        <span className="app-header-shop" data-testid="shop-name" title={session.shop?.name ?? session.shop?.slug}>
          {session.shop?.name ?? session.shop?.slug}
        </span>
        <nav className="app-nav" aria-label={t('header.navigation')}>
          <Menu
            mode="horizontal"
            className="app-nav-menu"
            selectedKeys={current ? [current] : []}
            // 工作台 opens the conversation the agent was last in (see conversation-address.ts).
            onClick={({ key }) => navigate(key === WORKBENCH ? paths.workbench : paths.page(key))}
            overflowedIndicator={
              <span className="app-nav-more" data-testid="nav-more">
                <EllipsisOutlined /> {t('header.more')}
              </span>
            }
            items={NAV_ITEMS.filter((item) => !item.capability || can(session, item.capability)).map((item) => ({
              key: item.path,
              label: item.navLabel ? item.navLabel(t(item.label)) : t(item.label),
              // On the menu item itself (the <li> that is clicked and highlighted).
              ...({ 'data-testid': `nav-${item.path}`, 'aria-current': item.path === current ? 'page' : undefined } as object),
            }))}
          />
        </nav>
      </div>
      <div className="app-header-search">
        <SearchBox onOpenConversation={onOpenConversation} />
      </div>
      <div className="app-header-right">
        {can(session, 'approvals.decide') && <ApprovalEntry />}
        {can(session, 'monitor.view') && <MonitorEntry />}
        <CaseOverlay />
        <RoutingNotices />
        <Tooltip title={t(STATUS_TEXT[status])}>
          <Badge status={STATUS_BADGE[status]} data-testid="stream-status" data-status={status} />
        </Tooltip>
        <span className="app-header-agent" data-testid="agent-name">
          {/* On a laptop the name hides behind its avatar (hover shows it): the switch and sign-out keep their room. */}
          <Tooltip title={session.agent.name}>
            <AgentStatusSwitch>
              <Avatar size="small" style={{ background: '#ff6a00' }}>
                {session.agent.name.slice(0, 1)}
              </Avatar>
            </AgentStatusSwitch>
          </Tooltip>
          <span className="agent-name">{session.agent.name}</span>
          <Tag color="orange" data-testid="agent-role">
            {roleLabel(session.agent.role, session.agent.roleName)}
          </Tag>
        </span>
        <LanguageSwitch />
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void logout()}
          title={t('header.logout')}
          data-testid="logout"
        >
          <span className="logout-text">{t('header.logout')}</span>
        </Button>
      </div>
    </header>
  );
}
