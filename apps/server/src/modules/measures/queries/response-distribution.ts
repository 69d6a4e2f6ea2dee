import { RESPONSE_BUCKETS, type ResponseDistribution } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { countTurnsByBucket, type FactFilter } from '../measures.repository.js';

/** How the range's counted turns spread over response times (the last bucket: slower than 10 minutes or unanswered). */
export async function responseDistribution(app: AppContext, filter: FactFilter): Promise<ResponseDistribution> {
  const counts = await countTurnsByBucket(app.storage.db, filter, RESPONSE_BUCKETS, app.now());
  return { buckets: counts.map((turns, i) => ({ upToSeconds: RESPONSE_BUCKETS[i] ?? null, turns })) };
}
