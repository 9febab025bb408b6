// "Did you mean ...?": the closest known name by edit distance, ignoring case and separators.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

const normalCache = new Map<string, string>();
function normal(s: string): string {
  let n = normalCache.get(s);
  if (n === undefined) {
    n = s.toLowerCase().replace(/[-_ ]/g, '');
    if (normalCache.size > 10_000) normalCache.clear();
    normalCache.set(s, n);
  }
  return n;
}

/** The known name closest to `name`, when it is close enough to be a slip of the keyboard. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const limit = name.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(name.length / 4)));
  let best: string | undefined;
  let bestScore = limit + 1;
  const n = normal(name);
  for (const k of known) {
    const m = normal(k);
    // The length difference alone already exceeds the best distance found so far.
    if (Math.abs(m.length - n.length) >= bestScore) continue;
    const score = m === n ? 0 : distance(n, m);
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
