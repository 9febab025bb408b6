// Minimal glob matching for `flowdeck lint` (shells on Windows, and quoted patterns, leave
// expansion to the program): `*`, `?`, `**`, `[...]` and `{a,b}`, with `/` as the separator.

export function hasGlobMagic(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Translates a glob (with `/` separators) into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let braceDepth = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole directories; a trailing `**` everything below.
          re += i + 2 === glob.length ? '.*' : '(?:[^/]*/)*';
          i += i + 2 === glob.length ? 2 : 3;
          continue;
        }
      }
      re += '[^/]*';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
        i++;
      } else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body}]`;
        i = close + 1;
      }
    } else if (c === '{') {
      braceDepth++;
      re += '(?:';
      i++;
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      re += ')';
      i++;
    } else if (c === ',' && braceDepth > 0) {
      re += '|';
      i++;
    } else {
      re += c.replace(/[.+^$()|\\]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(`^${re}$`);
}

/** The directory part of a pattern before its first wildcard (where the walk starts). */
export function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (hasGlobMagic(p)) break;
    fixed.push(p);
  }
  if (fixed.length === parts.length) fixed.pop();
  const joined = fixed.join('/');
  return joined === '' && pattern.startsWith('/') ? '/' : joined;
}
