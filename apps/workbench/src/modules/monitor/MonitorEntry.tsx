import { DashboardOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { navigate, paths } from '../../platform/navigation';
import './monitor.locales';

/**
 * The header's 实时监控 button (owner, managers), beside 审批: the page list has no room left for it at 1366 px (设置
 * would fold into 更多). Its word shows on wide screens; on a laptop the icon, with the word on hover.
 */
export function MonitorEntry() {
  const { t } = useTranslation();
  const here = useLocation().pathname.split('/')[1] === 'monitor';
  return (
    <Button
      type="text"
      icon={<DashboardOutlined />}
      onClick={() => navigate(paths.page('monitor'))}
      title={t('monitor.title')}
      className={`monitor-entry${here ? ' monitor-entry-current' : ''}`}
      aria-current={here ? 'page' : undefined}
      data-testid="nav-monitor"
    >
      <span className="monitor-entry-text">{t('monitor.title')}</span>
    </Button>
  );
}
