/** The routing module's door: groups, rules, capacity, queues, transfer and reassignment (分流). */
export { changeAgentRouting, type AgentRoutingChange } from './commands/change-agent-routing.js';
export { fillFreeSlots } from './commands/fill-free-slots.js';
export { agentRoutingViews, signedInAgents } from './queries/agent-routing-views.js';
export { readRoutingSettings } from './routing-settings.js';
export { registerRoutingRoutes } from './routing.routes.js';
export { startRouting } from './start-routing.js';
export { ROUTING_JOBS, routingSweepSchedule, sweepRouting } from './jobs/routing-sweep.js';
export { agentArrived } from './start-routing.js';
export { queuePlaceOf } from './queue-places.js';
