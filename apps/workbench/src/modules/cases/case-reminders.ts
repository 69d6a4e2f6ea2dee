import type { CaseView } from '@golddesk/contracts';
import dayjs from 'dayjs';
import { i18next } from '../../platform/i18n';
import { alertAgent } from '../../platform/notify';
import { getSession } from '../../platform/session';
import { openCaseView, putCases } from './case.store';
import './cases.locales';

type ReminderListener = (item: CaseView) => void;
const listeners = new Set<ReminderListener>();

/** Subscribes to reminders about the signed-in agent's cases (the in-app notice); returns the unsubscribe. */
export function onCaseReminder(listener: ReminderListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A `case.reminded` frame: the case's deadline is near. Its assignee hears the beep (and, with the tab hidden, gets a
 * desktop notification); every agent's copy of the case is updated.
 */
export function announceCaseReminder(item: CaseView, assigneeId: string | null): void {
  putCases([item]);
  if (!assigneeId || assigneeId !== getSession()?.agent.id) return;
  const title = i18next.t('cases.reminder.title', { caseNo: item.caseNo });
  alertAgent(title, reminderBody(item), `case-${item.id}`, () => openCaseView(item.id));
  for (const listener of listeners) listener(item);
}

/** "截止 11-27 10:00" (or 已超时) for the reminder's text. */
export function reminderBody(item: CaseView): string {
  const time = dayjs(item.deadlineAt).format('MM-DD HH:mm');
  return i18next.t(item.overdue ? 'cases.reminder.overdue' : 'cases.reminder.body', { buyer: item.buyerName, time });
}
