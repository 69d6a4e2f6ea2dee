import { v7 } from 'uuid';

/**
 * Ids for stored rows: UUIDv7, time-ordered, so new rows append to the end of primary-key indexes
 * instead of touching random pages (fewer dirty pages per commit on SQLite and PostgreSQL alike).
 * Not for secrets or unguessable links: use crypto.randomBytes there.
 */
export function newId(): string {
  return v7();
}
