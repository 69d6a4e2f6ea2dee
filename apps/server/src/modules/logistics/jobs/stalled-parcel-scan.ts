import { serverText, storeServerText } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { claimSchedulePeriod, defineJob, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { raiseException } from '../exception.repository.js';
import { publishExceptions } from '../logistics.events.js';
import { logisticsSettingsOf } from '../logistics-settings.js';
import { findStalledParcelCandidates } from '../tracking.repository.js';
import { listShopSettings } from '../../shops/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Raises a "no update" exception for every shipped parcel whose latest tracking event (or its shipping, or the
 * last time an agent handled such an exception) is older than the shop's noUpdateDays. Safe to run on several
 * processes at once: the open exception is unique per order and kind. Returns how many it raised.
 */
export async function scanStalledParcels(app: AppContext): Promise<number> {
  const db = app.storage.db;
  const now = app.now();
  let raised = 0;
  for (const shop of await listShopSettings(db)) {
    const days = logisticsSettingsOf(shop.settings).noUpdateDays;
    const threshold = new Date(now.getTime() - days * DAY_MS).toISOString();
    const candidates = await findStalledParcelCandidates(db, shop.id, threshold);
    const ids: string[] = [];
    for (const order of candidates) {
      // A returned parcel is already an exception of its own; waiting for its "update" would be noise.
      if (order.last_status === 'returned') continue;
      const last = [order.shipped_at, order.last_event_at, order.handled_at]
        .filter((t): t is string => !!t)
        .sort()
        .at(-1)!;
      if (last >= threshold) continue;
      const quiet = Math.floor((now.getTime() - Date.parse(last)) / DAY_MS);
      const lastLine = order.last_description ?? '';
      const detail = storeServerText(
        serverText('exception.no_update', {
          days: String(quiet),
          last: lastLine.startsWith('{') ? lastLine : lastLine.slice(0, 120),
        }).coded,
      );
      const id = await raiseException(db, {
        shopId: shop.id,
        orderId: order.id,
        kind: 'no_update',
        detail,
        at: now.toISOString(),
      });
      if (id) ids.push(id);
    }
    publishExceptions(app, shop.id, ids);
    raised += ids.length;
  }
  return raised;
}

const SCAN_EVERY_MS = 10 * 60_000;

/** One scan of every shop's shipped parcels; idempotent (an open exception is unique per order and kind). */
export const stalledParcelScanJob = defineJob({
  id: 'logistics.stalled-scan@1',
  payload: z.object({}),
  async run(app) {
    await scanStalledParcels(app);
  },
});

/** Every ten minutes by the app clock, once across processes: the period is claimed before the scan is queued. */
export const stalledParcelSchedule: ScheduleDefinition = {
  id: 'logistics.stalled-scan',
  everyMs: SCAN_EVERY_MS,
  async fanOut(app, queue) {
    if (!(await claimSchedulePeriod(app, 'logistics.stalled-scan', SCAN_EVERY_MS))) return 0;
    await queue.enqueue(stalledParcelScanJob, {}, { key: 'logistics.stalled-scan' });
    return 1;
  },
};

export const LOGISTICS_JOBS = [stalledParcelScanJob];
