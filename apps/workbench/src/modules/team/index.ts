// Team: the shop's agents and roles, and the 团队 admin page (loaded lazily).
export { passwordRules, requiredRule, shopSlugRules, usernameRules } from './agent-form-rules';

/** Loads the 团队 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadTeamPage = () => import('./TeamPage');
