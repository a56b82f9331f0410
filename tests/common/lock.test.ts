// The build lock: a second taker waits and is told for whom; a dead holder's lock, or one
// whose pid now names another process, is taken over at once.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, type LockHolder } from '../../common/lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'test-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('lock', () => {
  it('a second taker waits, names the holder, and gets the lock when it is released', async () => {
    const path = join(dir, 'a.lock');
    const first = await acquireLock(path, 'first', () => {
      throw new Error('the first taker does not wait');
    });
    const told: LockHolder[] = [];
    let got = false;
    const second = acquireLock(path, 'second', (h) => told.push(h), 20).then((l) => {
      got = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toBe(false);
    expect(told.map((h) => [h.pid, h.command])).toEqual([[process.pid, 'first']]);
    first.release();
    const lock = await second;
    expect(JSON.parse(readFileSync(path, 'utf8')).command).toBe('second');
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it("takes over a dead holder's lock, and one whose pid was reused by another process", async () => {
    for (const holder of [
      { pid: deadPid(), start: '1', command: 'killed build', since: '' },
      { pid: process.ppid, start: 'not-its-start-time', command: 'a build long gone', since: '' },
    ]) {
      const path = join(dir, 'b.lock');
      writeFileSync(path, JSON.stringify(holder));
      const lock = await acquireLock(path, 'next', () => {
        throw new Error(`waited for ${holder.command}`);
      });
      expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });
});
