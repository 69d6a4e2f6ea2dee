import { App as AntApp, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openCaseView } from './case.store';
import { CaseDrawer } from './CaseDrawer';
import { onCaseReminder, reminderBody } from './case-reminders';

/**
 * Mounted once in the header, on every page: the case view (opened from anywhere) and the notice when one of the
 * agent's cases nears its deadline (the sound comes with the frame, see case-reminders.ts).
 */
export function CaseOverlay() {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();
  useEffect(
    () =>
      onCaseReminder((item) => {
        const key = `case-reminder-${item.id}`;
        notification.warning({
          key,
          title: t('cases.reminder.title', { caseNo: item.caseNo }),
          description: reminderBody(item),
          duration: 0,
          actions: (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy(key);
                openCaseView(item.id);
              }}
              data-testid="case-reminder-open"
            >
              {t('cases.reminder.open')}
            </Button>
          ),
        });
      }),
    [notification, t],
  );
  return <CaseDrawer />;
}
