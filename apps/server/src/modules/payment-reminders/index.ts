/** The 催付 module's door (app, demo): routes, its jobs and schedule for the job runtime, demo data. */
export { registerPaymentReminderRoutes } from './payment-reminder.routes.js';
export { PAYMENT_REMINDER_JOBS, paymentReminderJob } from './jobs/payment-reminder.jobs.js';
export { paymentReminderSchedule, scanPaymentReminders } from './jobs/payment-reminder-scan.js';
export { sendPaymentReminder } from './commands/send-payment-reminder.js';
export { nextCallWindow, CALL_WINDOWS } from './call-windows.js';
export { seedDemoPaymentReminders } from './demo-reminders.js';
export { reminderTaskSource } from './reminder-task-source.js';
