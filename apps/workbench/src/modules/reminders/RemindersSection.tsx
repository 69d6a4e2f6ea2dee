import { can } from '@golddesk/contracts';
import type { Session } from '../../platform/session';
import { ReminderFigures } from './ReminderFigures';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { ReminderTasks } from './ReminderTasks';
import './reminders.css';
import './reminders.locales';

/** 催付: the figures by day, the phone/SMS follow-up tasks for support, and the shop's reminder settings. */
export function RemindersSection({ session }: { session: Session }) {
  const worksTasks = can(session, 'payment_reminders.work_tasks');
  return (
    <div data-testid="reminders-section">
      <ReminderFigures />
      {worksTasks && <ReminderTasks session={session} />}
      <ReminderSettingsForm />
    </div>
  );
}
