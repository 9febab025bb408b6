// "Did you mean ...?": the closest known name to a misspelled one, for every dialect's checks and
// quick fixes.

/** Levenshtein distance, bounded: returns `limit + 1` as soon as it cannot be within `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

export interface ClosestNameOptions {
  /**
   * Also ignore `-`, `_` and spaces (WhatsApp's names: `on-click-action` typed as `onClickAction`),
   * and allow a distance of 2 from four characters on.
   */
  readonly ignoreSeparators?: boolean;
}

/**
 * The candidate closest to `name`, when it is close enough to be a slip of the keyboard: a match
 * ignoring case first, else the nearest within a distance that grows with the name's length.
 * `name` itself is never suggested. The answer does not depend on the candidates' order (a tie
 * goes to the candidate first in code-unit order), so names kept in an index in any order give
 * the answer a list in document order gives.
 */
export function closestName(name: string, candidates: Iterable<string>, options: ClosestNameOptions = {}): string | undefined {
  const normal = options.ignoreSeparators ? withoutSeparators : lowerCase;
  const limit = options.ignoreSeparators
    ? name.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(name.length / 4)))
    : Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  const n = normal(name);
  let best: string | undefined;
  // A match ignoring case counts as distance -1: it beats every other.
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const m = normal(c);
    const d = m === n ? -1 : editDistance(n, m, Math.min(limit, bestDistance));
    if (d < bestDistance || (d === bestDistance && d <= limit && c < best!)) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

const lowerCase = (s: string): string => s.toLowerCase();

const separatorFree = new Map<string, string>();
/** Lower case without separators; cached, since the same schema names are compared again and again. */
function withoutSeparators(s: string): string {
  let n = separatorFree.get(s);
  if (n === undefined) {
    n = s.toLowerCase().replace(/[-_ ]/g, '');
    if (separatorFree.size > 10_000) separatorFree.clear();
    separatorFree.set(s, n);
  }
  return n;
}
