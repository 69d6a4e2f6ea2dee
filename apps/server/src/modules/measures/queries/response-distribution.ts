import { RESPONSE_BUCKETS, type ResponseDistribution } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { sumTurns, type FactFilter } from '../measures.repository.js';

/** How the range's counted turns spread over response times (the last bucket: slower than 10 minutes or unanswered). */
export async function responseDistribution(app: AppContext, filter: FactFilter): Promise<ResponseDistribution> {
  const [total] = await sumTurns(app.storage.db, filter, 'shop', app.now());
  const counts = total?.buckets ?? [...RESPONSE_BUCKETS.map(() => 0), 0];
  return { buckets: counts.map((turns, i) => ({ upToSeconds: RESPONSE_BUCKETS[i] ?? null, turns })) };
}
