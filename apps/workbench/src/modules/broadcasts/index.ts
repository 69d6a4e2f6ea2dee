// Broadcasts: messages sent to a segment of buyers (a section of the 自动化 page).
export { BroadcastsSection } from './BroadcastsSection';
