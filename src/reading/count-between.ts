/** Index of the first of the sorted `values` at or after `value` (binary search). */
export function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many of the sorted `values` lie in [start, end). */
export function countBetween(values: readonly number[], start: number, end: number): number {
  return firstAtOrAfter(values, end) - firstAtOrAfter(values, start);
}
