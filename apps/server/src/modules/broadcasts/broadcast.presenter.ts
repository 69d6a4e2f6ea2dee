import type { BroadcastStats, BroadcastView, SegmentFilter } from '@golddesk/contracts';
import { isQuietTime, nextTimeOutsideQuiet, type ShopHours } from '../shop-hours/index.js';
import type { BroadcastRow } from './broadcast.repository.js';

export function presentBroadcast(row: BroadcastRow, stats: BroadcastStats, hours: ShopHours, now: Date): BroadcastView {
  const paused = row.status === 'sending' && isQuietTime(hours, now);
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    segmentId: row.segment_id,
    segmentName: row.segment_name,
    filter: row.filter_json ? (JSON.parse(row.filter_json) as SegmentFilter) : null,
    throttlePerMinute: Number(row.throttle_per_minute),
    status: row.status as BroadcastView['status'],
    scheduledAt: row.scheduled_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    paused,
    resumesAt: paused ? nextTimeOutsideQuiet(hours, now).toISOString() : null,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    stats,
  };
}
