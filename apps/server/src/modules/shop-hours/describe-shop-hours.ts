import type { ShopHours } from '@golddesk/contracts';

const DAYS = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
} as const;

/**
 * The business hours in one line as a buyer reads them (what {营业时间} becomes): "每天 09:00-23:00", or by runs of
 * weekdays, "周一至周五 09:00-18:00，周六、周日 休息". Holidays are not listed (they are announced separately).
 */
export function describeShopHours(hours: ShopHours, language: 'zh-CN' | 'en'): string {
  const zh = language === 'zh-CN';
  const windowOf = (day: ShopHours['weekly'][number]) => (day.closed ? (zh ? '休息' : 'closed') : `${day.open}-${day.close}`);
  const windows = hours.weekly.map(windowOf);
  if (windows.every((w) => w === windows[0])) return `${zh ? '每天' : 'daily'} ${windows[0]}`;
  const runs: { from: number; to: number; window: string }[] = [];
  windows.forEach((window, day) => {
    const last = runs.at(-1);
    if (last && last.window === window) last.to = day;
    else runs.push({ from: day, to: day, window });
  });
  const names = DAYS[language];
  const label = ({ from, to }: { from: number; to: number }) => {
    if (from === to) return names[from]!;
    if (to === from + 1) return `${names[from]}${zh ? '、' : ', '}${names[to]}`;
    return `${names[from]}${zh ? '至' : '–'}${names[to]}`;
  };
  return runs.map((run) => `${label(run)} ${run.window}`).join(zh ? '，' : '; ');
}
