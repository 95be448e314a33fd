// Whether a process of this machine still runs: files a writer owns (temp files, open WARC
// files) are cleaned up only once their writer is gone.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
