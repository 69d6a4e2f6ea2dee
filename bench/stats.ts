import type { Quantiles } from './protocol.js';

/** A growable list of float samples (latencies in ms) that is cheap to append to. */
export class Samples {
  private data = new Float64Array(1 << 16);
  private size = 0;

  push(value: number) {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get length() {
    return this.size;
  }

  quantiles(): Quantiles {
    if (this.size === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
    const sorted = this.data.slice(0, this.size).sort();
    let sum = 0;
    for (const v of sorted) sum += v;
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
    return {
      count: this.size,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: sorted[sorted.length - 1]!,
      mean: sum / this.size,
    };
  }
}
