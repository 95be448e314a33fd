// Process-wide resources a runtime's close() must release, registered by the module that starts
// them. The runtime does not import those modules itself: an article worker thread builds a
// runtime too, and must not load crawlee (tens of MB) just to be able to close it.
const closers = new Set<() => Promise<void>>();

export function closeWithRuntime(close: () => Promise<void>): void {
  closers.add(close);
}

export async function runRuntimeClosers(): Promise<void> {
  for (const close of closers) await close();
}
