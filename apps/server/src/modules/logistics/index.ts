/** The logistics module's door for other modules (integration, demo, app). */
export { onTrackingEvent, type TrackingEventContext } from './listeners/on-tracking-event.js';
export type { AfterCommit } from './logistics.events.js';
export { insertTrackingEvent, type NewTrackingEvent } from './tracking.repository.js';
export { registerLogisticsRoutes } from './logistics.routes.js';
export { LOGISTICS_JOBS, scanStalledParcels, stalledParcelSchedule } from './jobs/stalled-parcel-scan.js';
export { raiseException } from './exception.repository.js';
export { writeLogisticsSettings } from './logistics-settings.js';
