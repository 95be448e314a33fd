// Waits for a condition another process or a worker makes true, polling: a test asserts on the
// state it waits for, never on how soon it comes, so a loaded machine only makes it slower. A test
// that must act soon after the state arrives (a feed taking a turn just freed) polls more often.
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 40_000,
  pollMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
