/** The widget module's door: the only file other modules import. */
export { registerWidgetRoutes } from './widget.routes.js';
