/** The measures module's door: the team's figures (绩效) from facts recorded as service happens, and their drill-down. */
export { rebuildMeasures } from './commands/rebuild-measures.js';
export { registerMeasuresRoutes } from './measures.routes.js';
export { startMeasures } from './start-measures.js';
export { measureFigures } from './queries/measure-figures.js';
export { factFilterOf } from './measure-range.js';
export { dailySummarySchedule, MEASURES_JOBS } from './jobs/daily-summary.js';
