// Quality inspection (质检): the shop's rules for the chat box's live check, and their settings section.
import './quality.locales';

export { useQualityRules } from './quality-rules.store';

/** Loads the 质检规则 section of the 设置 page as its own chunk. */
export const loadQualityRulesSection = () => import('./QualityRulesSection');
