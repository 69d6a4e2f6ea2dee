import { BellOutlined, GiftOutlined, NotificationOutlined, RobotOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../platform/session';
import { SectionedPage } from '../../platform/ui/SectionedPage';
import { AutoRepliesSection } from '../auto-replies';
import { BroadcastsSection } from '../broadcasts';
import { PromotionsSection } from '../promotions';
import { loadQuickRepliesSection } from '../quick-replies';
import { RemindersSection } from '../reminders';
import './automation.locales';

// Its own chunk, fetched in parallel with this page's (loadAutomationPage).
const QuickRepliesSection = lazy(() => loadQuickRepliesSection().then((module) => ({ default: module.QuickRepliesSection })));

// One entry per tool; a section decides itself what each role may change.
const SECTIONS: { key: string; icon: ReactNode; render: (session: Session) => ReactNode }[] = [
  { key: 'quickReplies', icon: <ThunderboltOutlined />, render: (session) => <QuickRepliesSection session={session} /> },
  { key: 'autoReplies', icon: <RobotOutlined />, render: (session) => <AutoRepliesSection session={session} /> },
  { key: 'promotions', icon: <GiftOutlined />, render: (session) => <PromotionsSection session={session} /> },
  { key: 'reminders', icon: <BellOutlined />, render: (session) => <RemindersSection session={session} /> },
  { key: 'broadcasts', icon: <NotificationOutlined />, render: (session) => <BroadcastsSection session={session} /> },
];

/** 自动化: the tools that answer and follow up for the team (快捷短语, 自动回复, 店铺活动, 催付). */
export function AutomationPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <SectionedPage
      title={t('automation.title')}
      icon={<ThunderboltOutlined />}
      testId="automation"
      sections={SECTIONS.map((s) => ({
        key: s.key,
        icon: s.icon,
        label: t(`automation.menu.${s.key}`),
        content: s.render(session),
      }))}
    />
  );
}
