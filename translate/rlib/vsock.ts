// Untranslated only (host TypeScript, no C twin): in-process socket pairs for os.call on Node.
// Node has no synchronous socketpair, select or poll, so untranslated those calls would fail with
// ENOSYS, and with them asyncio's selector event loop, whose self-pipe is a socketpair. Within
// one process a connected AF_UNIX stream pair needs no kernel: each end is a byte queue its peer
// writes to, and readiness is whether the queue holds bytes (or the peer has gone). select and
// poll over such ends alone are answered here, sleeping out the timeout when none is ready; a
// real fd among them still fails with ENOSYS. The translated VM uses the kernel's (oscall.c).
import type { int } from './types.ts';

const AF_UNIX = 1;
const SOCK_STREAM = 1;
const SOCK_NONBLOCK = 0o4000;
const SOCK_CLOEXEC = 0o2000000;
const EAGAIN = 11;
const EBADF = 9;
const EINVAL = 22;
const EPIPE = 32;
const ENOSYS = 38;
const ENOTCONN = 107;
const POLLIN = 1;
const POLLOUT = 4;
const POLLHUP = 16;
/** The first fd number handed out: far above any the process opens for real. */
const FIRST_FD = 1 << 20;

class End {
  /** bytes the peer sent, not yet received */
  queue: int[] = [];
  peer: End | null = null;
  blocking = true;
  /** shut down for reading (SHUT_RD) / writing (SHUT_WR) */
  noRead = false;
  noWrite = false;
  closed = false;
}

class Ends {
  byFd = new Map<int, End>();
  next: int = FIRST_FD;
}
const ENDS = new Ends();

/** An os.call answer: the result, or the errno of a failure. */
export class VResult {
  constructor(
    readonly value: int[] | null,
    readonly errno: int,
  ) {}
}
function ok(v: int[]): VResult {
  return new VResult(v, 0);
}
function fail(errno: int): VResult {
  return new VResult(null, errno);
}

/** Whether fd is one end of an in-process pair. */
export function isVirtual(fd: int): boolean {
  return ENDS.byFd.has(fd);
}

/** Closes an in-process end (the peer then reads end of file and writes get EPIPE). */
export function closeVirtual(fd: int): void {
  const e = ENDS.byFd.get(fd);
  if (e === undefined) return;
  e.closed = true;
  ENDS.byFd.delete(fd);
}

function readable(e: End): boolean {
  return e.queue.length > 0 || e.noRead || e.peer === null || e.peer.closed || e.peer.noWrite;
}
function hungUp(e: End): boolean {
  return e.peer === null || e.peer.closed;
}

/** Sleeps ms milliseconds (Atomics.wait: the thread sleeps, the CPU is free). */
function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function socketpair(ints: int[]): VResult {
  const family = ints[0];
  const type = ints[1] & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (family !== AF_UNIX || type !== SOCK_STREAM) return fail(ENOSYS);
  const a = new End();
  const b = new End();
  a.peer = b;
  b.peer = a;
  a.blocking = b.blocking = (ints[1] & SOCK_NONBLOCK) === 0;
  const fa = ENDS.next++;
  const fb = ENDS.next++;
  ENDS.byFd.set(fa, a);
  ENDS.byFd.set(fb, b);
  return ok([fa, fb]);
}

/** The ready fds of select's three lists (ints: the counts, the timeout in µs, the fds), or null
 * when one is not an in-process end. */
function selectReady(ints: int[]): int[] | null {
  const counts = [ints[0], ints[1], ints[2]];
  const out = [0, 0, 0];
  let at = 4;
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < counts[k]; i++, at++) {
      const e = ENDS.byFd.get(ints[at]);
      if (e === undefined) return null;
      if ((k === 0 && readable(e)) || (k === 1 && !e.noWrite)) {
        out.push(ints[at]);
        out[k]++;
      }
    }
  }
  return out;
}
function pollReady(ints: int[]): int[] | null {
  const out: int[] = [];
  for (let i = 1; i + 1 < ints.length; i += 2) {
    const e = ENDS.byFd.get(ints[i]);
    if (e === undefined) return null;
    let rev = 0;
    if ((ints[i + 1] & POLLIN) !== 0 && readable(e)) rev |= POLLIN;
    if ((ints[i + 1] & POLLOUT) !== 0 && !e.noWrite && !hungUp(e)) rev |= POLLOUT;
    if (hungUp(e)) rev |= POLLHUP;
    if (rev !== 0) out.push(ints[i], rev);
  }
  return out;
}
/** select/poll: the ready ends now, or after sleeping out the timeout (ms; < 0: forever, which
 * in one process with nothing ready can never end, so refused as ENOSYS rather than hanging). */
function wait(ints: int[], ms: number, ready: (ints: int[]) => int[] | null, none: (r: int[]) => boolean): VResult {
  const r = ready(ints);
  if (r === null) return fail(ENOSYS);
  if (!none(r)) return ok(r);
  if (ms < 0) return fail(ENOSYS);
  sleepMs(ms);
  return ok(ready(ints)!);
}

/** Answers os.call op for in-process ends, or null when op is not theirs (fd not virtual). */
export function virtualCall(op: int, ints: int[], s: string): VResult | null {
  if (op === 21) return socketpair(ints);
  if (op === 40) {
    // no fds (a sleep) or in-process ends only
    const counts = ints[0] + ints[1] + ints[2];
    if (counts > 0 && !isVirtual(ints[4])) return null;
    return wait(ints, ints[3] < 0 ? -1 : Math.ceil(ints[3] / 1000), selectReady, (r) => r[0] + r[1] + r[2] === 0);
  }
  if (op === 41) {
    if (ints.length >= 3 && !isVirtual(ints[1])) return null;
    return wait(ints, ints[0], pollReady, (r) => r.length === 0);
  }
  const e = ints.length > 0 ? ENDS.byFd.get(ints[0]) : undefined;
  if (e === undefined) return null;
  switch (op) {
    case 8: // GET_BLOCKING
      return ok([e.blocking ? 1 : 0]);
    case 9: // SET_BLOCKING
      e.blocking = ints[1] !== 0;
      return ok([0]);
    case 6: // GET_INHERITABLE
      return ok([0]);
    case 7: // SET_INHERITABLE
      return ok([0]);
    case 26: {
      // SEND
      if (e.noWrite || hungUp(e)) return fail(EPIPE);
      const q = e.peer!.queue;
      for (let i = 0; i < s.length; i++) q.push(s.charCodeAt(i) & 0xff);
      return ok([s.length]);
    }
    case 27: {
      // RECV: ints fd, bufsize, flags
      if (ints[1] < 0) return fail(EINVAL);
      if (e.queue.length === 0) {
        if (readable(e)) return ok([]);
        // a blocking receive from an empty queue waits for this very thread: it would never end
        return fail(e.blocking ? ENOSYS : EAGAIN);
      }
      return ok(e.queue.splice(0, ints[1]));
    }
    case 28: // SHUTDOWN: SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2
      if (hungUp(e)) return fail(ENOTCONN);
      if (ints[1] !== 1) e.noRead = true;
      if (ints[1] !== 0) e.noWrite = true;
      return ok([0]);
    case 31: // SETSOCKOPT: accepted, none changes an in-process pair
      return ok([0]);
    case 32: {
      // GETSOCKOPT: SO_TYPE 3, SO_ERROR 4, SO_PROTOCOL 38, SO_DOMAIN 39
      const opt = ints[2];
      return ok([opt === 3 ? SOCK_STREAM : opt === 39 ? AF_UNIX : 0]);
    }
    case 2: // DUP
    case 3: // DUP2
      return fail(EBADF);
  }
  return fail(ENOSYS);
}
