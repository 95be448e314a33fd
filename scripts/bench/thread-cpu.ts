// CPU seconds per OS thread of this process during a run (Linux /proc), sampled every 100 ms so
// threads that exit before the end (article worker threads) still count. Threads that existed
// when sampling started besides the main one are V8's helper threads (garbage collection,
// compilation); threads started during the run are article worker threads and libuv's pool.
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  main: number;
  v8Helpers: number;
  startedDuringRun: number;
  /** Of all the above, the part spent in the kernel (system time: syscalls, page faults). */
  kernel: number;
}

interface Times {
  total: number;
  kernel: number;
}

function threadTimes(): Map<string, Times> | null {
  const out = new Map<string, Times>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const user = Number(f[11]); // utime and stime, in clock ticks (1/100 s)
      const kernel = Number(f[12]);
      out.set(tid, { total: (user + kernel) / 100, kernel: kernel / 100 });
    } catch {
      // the thread exited between listing and reading: its last sample stands
    }
  }
  return out;
}

export function sampleThreadCpu(): { stop(): ThreadCpu | undefined } {
  const first = threadTimes();
  const last = new Map(first ?? []);
  const sample = (): void => {
    for (const [tid, t] of threadTimes() ?? []) last.set(tid, t);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      if (!first) return undefined;
      const mainTid = String(process.pid);
      const cpu: ThreadCpu = { main: 0, v8Helpers: 0, startedDuringRun: 0, kernel: 0 };
      for (const [tid, t] of last) {
        const before = first.get(tid);
        const spent = t.total - (before?.total ?? 0);
        cpu.kernel += t.kernel - (before?.kernel ?? 0);
        if (tid === mainTid) cpu.main += spent;
        else if (first.has(tid)) cpu.v8Helpers += spent;
        else cpu.startedDuringRun += spent;
      }
      return cpu;
    },
  };
}
