// One socket write per event-loop turn for a Redis connection, however many commands the turn
// issued. Each write to the loopback socket is a system call that also wakes Redis, and on the
// machines tinwatch was measured on a call is not cheap; an article worker's jobs
// each send their own commands, so the replies arriving together in one read used to go back as
// one write per job. Corking the socket on the first write of a turn and uncorking it in the
// turn's check phase (setImmediate) sends them as one writev: Redis reads far fewer times and
// spends less CPU (figures: BENCHMARKS.md, "Figures behind design choices").
// ioredis's own auto-pipelining batches the same way but leaves out MULTI and pipelines, which
// are most of tinwatch's traffic; this works below them, on the socket.
import type { Socket } from 'node:net';
import type { Redis } from 'ioredis';

const CORKED_PER_TURN = Symbol('tinwatch.corkedPerTurn');

type CorkableSocket = Socket & { [CORKED_PER_TURN]?: true };

function corkPerTurn(socket: CorkableSocket): void {
  if (socket[CORKED_PER_TURN]) return;
  socket[CORKED_PER_TURN] = true;
  let corked = false;
  const flush = (): void => {
    corked = false;
    socket.uncork();
  };
  const write = socket.write;
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>): boolean {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(flush);
    }
    return (write as (...a: Parameters<Socket['write']>) => boolean).apply(this, args);
  } as Socket['write'];
}

/** Coalesces the client's writes per event-loop turn, on every connection it (re)opens. */
export function coalesceWrites<T extends Redis>(client: T): T {
  const apply = (): void => {
    const stream = (client as unknown as { stream?: CorkableSocket }).stream;
    if (stream && typeof stream.cork === 'function') corkPerTurn(stream);
  };
  client.on('connect', apply);
  apply();
  return client;
}
