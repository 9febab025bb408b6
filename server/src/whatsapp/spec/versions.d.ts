export type FlowJsonVersion = string;
export type VersionState = 'published' | 'frozen' | 'undocumented';
/** Every version Flowdeck validates, oldest first, with its state. */
export declare const FLOW_JSON_VERSIONS: readonly {
    version: FlowJsonVersion;
    state: VersionState;
}[];
export declare const LATEST_DOCUMENTED_VERSION: FlowJsonVersion;
/** Compares two "major.minor" versions numerically (1.9 < 1.10). */
export declare function compareVersions(a: FlowJsonVersion, b: FlowJsonVersion): number;
/** True when `version` is at least `since` (an absent `since` means "every version"). */
export declare function atLeast(version: FlowJsonVersion, since: FlowJsonVersion | undefined): boolean;
export declare function isKnownVersion(version: string): boolean;
export declare function versionState(version: string): VersionState | undefined;
