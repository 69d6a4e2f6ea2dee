import type { ServiceStatus } from '@golddesk/contracts';

/** online: 在线 (open and someone there); away: open but nobody online; closed: outside the shop's hours. */
export type ServiceState = 'online' | 'away' | 'closed';

/** What the panel shows for a service status: a short header line, and a notice when nobody will answer soon. */
export interface ServiceWords {
  state: ServiceState;
  short: string;
  notice: string | null;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The shop's hours are China time, so the opening is said in China time whatever the buyer's clock zone. */
function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** "今天 09:00", "明天 09:00", "后天 09:00" or "11月9日 09:00" (China time). */
export function formatOpening(iso: string, now: Date): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const shifted = new Date(at + CHINA_OFFSET_MS);
  const time = `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
  const days = chinaDay(at) - chinaDay(now.getTime());
  const day = ['今天', '明天', '后天'][days] ?? `${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日`;
  return `${day} ${time}`;
}

/** The words for a status, in the buyer's language (the widget speaks Chinese). */
export function describeService(service: ServiceStatus, now = new Date()): ServiceWords {
  if (!service.open) {
    const opening = service.nextOpenAt ? formatOpening(service.nextOpenAt, now) : null;
    return {
      state: 'closed',
      short: opening ? `休息中 · ${opening} 上班` : '休息中',
      notice: `客服休息中，留言后上班第一时间回复${opening ? `（${opening} 上班）` : ''}`,
    };
  }
  if (!service.agentsOnline) {
    return { state: 'away', short: '暂无客服在线', notice: '暂无客服在线，请先留言，客服上线后第一时间回复' };
  }
  return { state: 'online', short: '客服在线', notice: null };
}
