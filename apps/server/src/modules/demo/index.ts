/** The demo module's door: the only file other modules import. */
export { registerDemoIdentityRoutes } from './demo-identity.routes.js';
export { seedDemoShop } from './seed-demo-shop.js';
