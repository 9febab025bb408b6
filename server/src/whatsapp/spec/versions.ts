// Flow JSON versions: which ones Flowdeck knows, their publishing state, and ordering.
// States follow Meta's versioning page and the WhatsApp client's version table
// (frozen = publishing blocked, existing flows still work).

export type FlowJsonVersion = string;

export type VersionState = 'published' | 'frozen' | 'undocumented';

/** Every version Flowdeck validates, oldest first, with its state. */
export const FLOW_JSON_VERSIONS: readonly { version: FlowJsonVersion; state: VersionState }[] = [
  { version: '2.1', state: 'frozen' },
  { version: '3.0', state: 'frozen' },
  { version: '3.1', state: 'frozen' },
  { version: '4.0', state: 'frozen' },
  { version: '5.0', state: 'frozen' },
  { version: '5.1', state: 'published' },
  { version: '6.0', state: 'published' },
  { version: '6.1', state: 'published' },
  { version: '6.2', state: 'published' },
  { version: '6.3', state: 'published' },
  { version: '7.0', state: 'published' },
  { version: '7.1', state: 'published' },
  { version: '7.2', state: 'published' },
  { version: '7.3', state: 'published' },
  { version: '7.4', state: 'undocumented' },
];

export const LATEST_DOCUMENTED_VERSION: FlowJsonVersion = '7.3';

const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

const parsedVersions = new Map<string, [number, number] | null>();

function parts(v: string): [number, number] | null {
  let p = parsedVersions.get(v);
  if (p === undefined) {
    const m = VERSION_PATTERN.exec(v);
    p = m ? [Number(m[1]), Number(m[2])] : null;
    if (parsedVersions.size > 1000) parsedVersions.clear();
    parsedVersions.set(v, p);
  }
  return p;
}

/** Compares two "major.minor" versions numerically (1.9 < 1.10). */
export function compareVersions(a: FlowJsonVersion, b: FlowJsonVersion): number {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa[0] - pb[0] || pa[1] - pb[1];
}

/** True when `version` is at least `since` (an absent `since` means "every version"). */
export function atLeast(version: FlowJsonVersion, since: FlowJsonVersion | undefined): boolean {
  return since === undefined || compareVersions(version, since) >= 0;
}

export function isKnownVersion(version: string): boolean {
  return FLOW_JSON_VERSIONS.some((v) => v.version === version);
}

export function versionState(version: string): VersionState | undefined {
  return FLOW_JSON_VERSIONS.find((v) => v.version === version)?.state;
}
