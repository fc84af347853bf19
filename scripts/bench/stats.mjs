// Order statistics for the benchmark: quantiles by linear interpolation between the
// closest ranks (the "type 7" rule of R and NumPy), so a median of an even count is the
// mean of the two middle values.

/** The q-quantile (0 ≤ q ≤ 1) of numbers already sorted ascending. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** n, min, median, p90, p99, max and mean of a list of numbers. */
export function summarise(values) {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}
