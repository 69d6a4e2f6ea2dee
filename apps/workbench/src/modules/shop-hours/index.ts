// Shop hours: the shop's business hours (a section of the 设置 page).
export { BusinessHoursSection } from './BusinessHoursSection';
