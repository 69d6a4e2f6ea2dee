import type { WidgetLanguage } from '../language.js';

/**
 * The buyer's place in the queue in plain words: who is next, how many are ahead, and the server's estimate when it
 * has one (前面还有 3 位，预计 2 分钟). Null when the buyer is not queued.
 */
export function describeQueuePlace(
  position: number | null,
  etaSeconds: number | undefined,
  language: WidgetLanguage,
): string | null {
  if (position === null) return null;
  const minutes = etaSeconds === undefined ? undefined : Math.max(1, Math.ceil(etaSeconds / 60));
  if (language === 'en') {
    const eta = minutes === undefined ? '' : `, about ${minutes} min`;
    return position === 1 ? `You are next in line${eta}` : `In line: ${position - 1} ahead of you${eta}`;
  }
  const eta = minutes === undefined ? '' : `，预计 ${minutes} 分钟`;
  return position === 1 ? `排队中：您是下一位${eta}，请稍候` : `排队中：前面还有 ${position - 1} 位${eta}`;
}
