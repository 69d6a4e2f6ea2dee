/** The assistant module's door: help for the agent while writing (质检 on a reply before it is sent). */
export { registerAssistantRoutes } from './assistant.routes.js';
