/** The permissions module's door: roles and the per-shop permissions matrix (团队 → 角色与权限). */
export { registerRoleRoutes } from './role.routes.js';
export { findRoleView } from './queries/list-roles.js';
export { roleNameOf } from './role.presenter.js';
export { findShopRole } from './role.repository.js';
