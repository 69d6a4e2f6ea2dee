/** The quality module's door: the shop's 质检 rules (the matcher itself is shared, in @golddesk/contracts) and results. */
export { readQualityRules, type ShopQualityRules } from './quality-rules.js';
export { registerQualityRoutes } from './quality.routes.js';
export { registerQualityInspectionRoutes } from './quality-inspection.routes.js';
export { startQuality } from './start-quality.js';
export { inspectShop, reinspectQuality } from './commands/reinspect-quality.js';
export { QUALITY_JOBS, qualityHistorySchedule } from './jobs/quality.jobs.js';
