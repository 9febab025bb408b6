// Types of architecture.mjs, for the TypeScript tests that check the graph against it.
export type ProductFolder = 'server' | 'cloud' | 'emulator' | 'cli' | 'client' | 'webview' | 'debug' | 'flowtest';
export const PRODUCT_FOLDERS: readonly ProductFolder[];
export const FACES: Readonly<Record<string, string>>;
export const ARROWS: Readonly<Record<ProductFolder, readonly string[]>>;
export const KNOWN_EXCEPTIONS: readonly { readonly from: string; readonly to: string }[];
export function topFolder(repoPath: string): string;
export function isProductFolder(folder: string): folder is ProductFolder;
export function edgeViolation(from: string, to: string): string | undefined;
