// A write the data folder could not take (disk full, quota, read-only remount, I/O error). The
// transport answers it with 503 ServiceUnavailable: the request did nothing and may be retried
// once storage is back, unlike a 500, which says the emulator itself is broken.
export class StorageUnavailableError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`The emulator could not write ${path}${code ? ` (${code}${code === 'ENOSPC' ? ': the disk is full' : ''})` : ''}; nothing was changed. Free space or fix the data folder, then retry.`);
    this.name = 'StorageUnavailableError';
  }
}
