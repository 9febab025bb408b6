// Names for executions started from the editor. Pure.

/** `run-20261123-170201-k3x9`: unique enough, valid as an execution name, sorts by time. */
export function newExecutionName(now = new Date(), random = Math.random): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix = Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
  return `run-${stamp}-${suffix}`;
}
