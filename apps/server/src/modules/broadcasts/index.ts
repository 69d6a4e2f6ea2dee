/** The 群发 module's door (app, demo): routes, its jobs and schedule, the 退订 listener. */
export { registerBroadcastRoutes } from './broadcast.routes.js';
export { BROADCAST_JOBS, broadcastSchedule, scanBroadcasts } from './jobs/broadcast.jobs.js';
export { OPT_OUT_ACK, settleOptOuts, startOptOutListener } from './opt-out.js';
