// Auto-replies: keyword and away rules with their hit statistics (a section of the 自动化 page).
export { AutoRepliesSection } from './AutoRepliesSection';
