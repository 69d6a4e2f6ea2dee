const LAST_LOGIN_KEY = 'golddesk.lastLogin';

/** The shop and username of the last successful sign-in, to pre-fill the login form. */
export function readLastLogin(): { shop: string; username: string } {
  try {
    const saved = JSON.parse(localStorage.getItem(LAST_LOGIN_KEY) ?? '{}') as { shop?: string; username?: string };
    return { shop: saved.shop || 'demo', username: saved.username ?? '' };
  } catch {
    return { shop: 'demo', username: '' };
  }
}

/** Remembers the shop and username (never the password) for the next sign-in. */
export function rememberLogin(shop: string, username: string): void {
  localStorage.setItem(LAST_LOGIN_KEY, JSON.stringify({ shop, username }));
}
