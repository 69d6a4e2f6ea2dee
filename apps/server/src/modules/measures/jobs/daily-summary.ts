import { chinaTimeOf, DAILY_SUMMARY_HOUR, type DailySummary } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { listShopsAwaitingEvent, queueShopEvent } from '../../webhooks/index.js';
import { factFilterOf } from '../measure-range.js';
import { measureFigures } from '../queries/measure-figures.js';

const EVENT = 'measures.daily_summary';
const DAY_MS = 24 * 3600_000;

/** One delivery per webhook and day: the key a summary of `day` is queued under. */
const keyOf = (day: string) => `measures-daily:${day}`;

/**
 * 昨日绩效 for the owner's own systems (a group bot, a spreadsheet): yesterday's figures for the shop and per agent,
 * queued to the webhooks subscribed to measures.daily_summary. Idempotent: a webhook gets one delivery per day.
 */
export const dailySummaryJob = defineJob({
  id: 'measures.daily-summary@1',
  payload: z.object({ shopId: z.string(), day: z.string() }),
  async run(app, payload) {
    await sendDailySummary(app, payload.shopId, payload.day);
  },
});

export async function sendDailySummary(app: AppContext, shopId: string, day: string): Promise<number> {
  const figures = await measureFigures(app, factFilterOf(shopId, { from: day, to: day }), 'agent');
  const summary: DailySummary = { day, shop: figures.total, agents: figures.rows, targets: figures.targets };
  return queueShopEvent(app, shopId, { type: EVENT, key: keyOf(day), data: { summary } });
}

/** From 08:00 China time: a summary of yesterday for each shop whose subscribed webhooks have not had it. */
async function fanOutDailySummaries(app: AppContext, queue: JobQueue): Promise<number> {
  const now = app.now();
  if (Math.floor(chinaTimeOf(now).minute / 60) < DAILY_SUMMARY_HOUR) return 0;
  const day = chinaTimeOf(new Date(now.getTime() - DAY_MS)).date;
  const shops = await listShopsAwaitingEvent(app.storage.db, EVENT, keyOf(day));
  for (const shopId of shops) await queue.enqueue(dailySummaryJob, { shopId, day }, { key: `measures-daily:${shopId}:${day}` });
  return shops.length;
}

export const dailySummarySchedule: ScheduleDefinition = { id: 'measures.daily-summary', fanOut: fanOutDailySummaries };
export const MEASURES_JOBS = [dailySummaryJob];
