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

const normal = (s: string): string => s.toLowerCase().replace(/[-_ ]/g, '');

/** The known name closest to `name`, when it is close enough to be a slip of the keyboard. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const n = normal(name);
  for (const k of known) {
    const score = normal(k) === n ? 0 : distance(n, normal(k));
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  const limit = name.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(name.length / 4)));
  return best !== undefined && bestScore <= limit ? best : undefined;
}
