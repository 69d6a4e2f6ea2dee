// Reminders: 催付 payment reminders, their tasks and figures (a section of the 自动化 page).
export { RemindersSection } from './RemindersSection';
