import type { SizeAdviceResponse, SizeChart } from '@golddesk/contracts';
import type { Language } from '../../platform/http/errors.js';

export interface SizeRecommendation {
  /** The size to take, or null when none fits. */
  size: string | null;
  fit: 'exact' | 'between' | 'none';
  /** The sizes height and weight point at on their own (null: out of the chart or not in it). */
  byHeight: string | null;
  byWeight: string | null;
}

/** The last row whose range holds the value (on a shared bound the larger size), -1 if none, null if the chart has no such range. */
function rowFor(chart: SizeChart, value: number, range: 'heightCm' | 'weightKg'): number | null {
  if (!chart.some((row) => row[range])) return null;
  let found = -1;
  chart.forEach((row, index) => {
    const bounds = row[range];
    if (bounds && value >= bounds[0] && value <= bounds[1]) found = index;
  });
  return found;
}

/**
 * Picks a size from a size chart (rows small to large) for a height in cm and a weight in kg. When
 * height and weight point at different sizes, the larger one is advised (a size too small can't be worn).
 */
export function recommendSize(chart: SizeChart, heightCm: number, weightKg: number): SizeRecommendation {
  const h = rowFor(chart, heightCm, 'heightCm');
  const w = rowFor(chart, weightKg, 'weightKg');
  const byHeight = h !== null && h >= 0 ? chart[h]!.size : null;
  const byWeight = w !== null && w >= 0 ? chart[w]!.size : null;
  if (h === -1 || w === -1 || (h === null && w === null)) return { size: null, fit: 'none', byHeight, byWeight };
  const index = Math.max(h ?? -1, w ?? -1);
  const fit = h !== null && w !== null && h !== w ? 'between' : 'exact';
  return { size: chart[index]!.size, fit, byHeight, byWeight };
}

// The SKU dimension that holds the size (尺码 on Taobao; 尺寸, 码数 or size elsewhere).
const SIZE_DIMENSION = /尺码|尺寸|码数|^size$/i;
const sameSize = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The sizes the product is sold in (its SKUs' size values), or null when its SKUs have no size dimension. */
export function soldSizesOf(skus: readonly { props: Record<string, string> }[]): string[] | null {
  const sizes: string[] = [];
  for (const sku of skus) {
    for (const [dimension, value] of Object.entries(sku.props)) {
      if (SIZE_DIMENSION.test(dimension) && !sizes.some((s) => sameSize(s, value))) sizes.push(value);
    }
  }
  return sizes.length ? sizes : null;
}

/**
 * The advice as the agent reads it (and may paste to the buyer), in the request's language. Only the rows of sizes
 * the product is sold in count (`soldSizes`; null: all rows): a body outside them names no size but says so and asks
 * for the waist and the usual size, as a good agent does when the size is missing.
 */
export function adviseSize(
  chart: SizeChart,
  heightCm: number,
  weightKg: number,
  language: Language,
  soldSizes: readonly string[] | null = null,
): SizeAdviceResponse {
  const sold = soldSizes ? chart.filter((row) => soldSizes.some((s) => sameSize(s, row.size))) : chart;
  const r = recommendSize(sold, heightCm, weightKg);
  const zh = language === 'zh-CN';
  let message: string;
  if (r.fit === 'none' && soldSizes && recommendSize(chart, heightCm, weightKg).fit !== 'none') {
    // The chart has a size for this body, but not one this product is sold in.
    const names = [...sold.map((row) => row.size), ...soldSizes.filter((s) => !sold.some((row) => sameSize(row.size, s)))].join(
      '/',
    );
    message = zh
      ? `亲，这款只有 ${names} 码，身高 ${heightCm}cm、体重 ${weightKg}kg 不在在售尺码的范围内，不好直接推荐哦~ 能提供一下您的腰围和平时穿的尺码吗？我们再帮您确认`
      : `This item comes only in ${names}; ${heightCm} cm and ${weightKg} kg fall outside the sizes on sale, so no size is advised: ask for the waist and the size usually worn`;
  } else if (r.fit === 'none') {
    message = zh
      ? `尺码表里暂无适合身高 ${heightCm}cm、体重 ${weightKg}kg 的尺码，建议确认身材数据或推荐其他款式`
      : `No size in the chart fits ${heightCm} cm and ${weightKg} kg; check the measurements or suggest another item`;
  } else if (r.fit === 'between') {
    message = zh
      ? `身高对应 ${r.byHeight} 码、体重对应 ${r.byWeight} 码，建议选大一号：${r.size} 码`
      : `Height points to ${r.byHeight} and weight to ${r.byWeight}: take the larger, ${r.size}`;
  } else {
    message = zh
      ? `身高 ${heightCm}cm、体重 ${weightKg}kg，建议选 ${r.size} 码`
      : `${heightCm} cm and ${weightKg} kg: size ${r.size}`;
  }
  return { size: r.size, fit: r.fit, message };
}
