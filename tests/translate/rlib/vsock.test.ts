// The in-process socket pairs os.call answers with on Node (translate/rlib/vsock.ts): the ops
// asyncio's self-pipe uses, as numbered in translate/runtime/oscall.c.
import { describe, expect, it } from 'vitest';
import { call, fdClose, lastError } from '../../../translate/rlib/os.ts';

const SOCKETPAIR = 21;
const SEND = 26;
const RECV = 27;
const SHUTDOWN = 28;
const GETSOCKOPT = 32;
const SELECT = 40;
const POLL = 41;
const GET_BLOCKING = 8;
const SET_BLOCKING = 9;
const bytes = (s: string): number[] => Array.from(Buffer.from(s));

describe('in-process socket pairs (untranslated os.call)', () => {
  it('passes bytes between the ends, with readiness for select and poll', () => {
    const [a, b] = call(SOCKETPAIR, [1, 1, 0], '')!;
    expect(call(GETSOCKOPT, [a, 1, 39], '')).toEqual([1]);
    expect(call(GET_BLOCKING, [a], '')).toEqual([1]);
    call(SET_BLOCKING, [a, 0], '');
    expect(call(RECV, [a, 10, 0], '')).toBeNull();
    expect(lastError()).toBe(11);
    expect(call(SELECT, [2, 1, 0, 0, a, b, a], '')).toEqual([0, 1, 0, a]);
    expect(call(SEND, [b, 0], 'hello')).toEqual([5]);
    expect(call(SELECT, [1, 0, 0, 1000, a], '')).toEqual([1, 0, 0, a]);
    expect(call(POLL, [0, a, 1, b, 1], '')).toEqual([a, 1]);
    expect(call(RECV, [a, 3, 0], '')).toEqual(bytes('hel'));
    expect(call(RECV, [a, 10, 0], '')).toEqual(bytes('lo'));
    expect(call(SHUTDOWN, [b, 1], '')).toEqual([0]);
    expect(call(RECV, [a, 10, 0], '')).toEqual([]);
    expect(fdClose(b)).toBe(0);
    expect(call(SEND, [a, 0], 'x')).toBeNull();
    expect(lastError()).toBe(32);
    expect(fdClose(a)).toBe(0);
  });
  it('sleeps out a timeout with nothing ready, and refuses to wait forever or on real fds', () => {
    const [a, b] = call(SOCKETPAIR, [1, 1 | 0o4000, 0], '')!;
    expect(call(GET_BLOCKING, [a], '')).toEqual([0]);
    const t0 = Date.now();
    expect(call(POLL, [30, a, 1], '')).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    expect(call(POLL, [-1, a, 1], '')).toBeNull();
    expect(lastError()).toBe(38);
    expect(call(SELECT, [1, 0, 0, 0, 0], '')).toBeNull();
    expect(lastError()).toBe(38);
    expect(call(SOCKETPAIR, [2, 1, 0], '')).toBeNull();
    fdClose(a);
    fdClose(b);
  });
});
