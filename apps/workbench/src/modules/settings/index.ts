// Settings: the shop's settings, integrations and webhooks, on the 设置 admin page (loaded lazily).

/** Loads the 设置 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadSettingsPage = () => import('./SettingsPage');
