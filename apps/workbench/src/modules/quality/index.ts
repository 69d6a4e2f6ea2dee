// Quality inspection (质检): the shop's rules for the chat box's live check, their settings section, and the 质检 page.
import './quality.locales';
import './quality-nav.locales';

export { useQualityRules } from './quality-rules.store';

/** Loads the 质检规则 section of the 设置 page as its own chunk. */
export const loadQualityRulesSection = () => import('./QualityRulesSection');

/** Loads the 质检 page (抽检 · 我的质检 · 评分表) as its own chunk. */
export const loadQualityPage = () => import('./QualityPage');
