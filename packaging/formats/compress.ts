// Compressors with fixed settings and no header timestamps. gzip and raw deflate come from
// zlib; zstd and bzip2 from their commands (Node 20's zlib has neither).

import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

/** gzip with MTIME 0, no file name, XFL per level, and OS byte fixed to 3 (Unix) on every host. */
export function gzipDeterministic(data: Uint8Array): Buffer {
  const out = gzipSync(data, { level: 9 });
  out.writeUInt32LE(0, 4); // MTIME
  out[9] = 3; // OS = Unix, whatever platform built it
  return out;
}

/** zstd at a fixed level, single-threaded, with content size and checksum (conda's defaults). */
export function zstdBytes(data: Uint8Array, level = 19): Buffer {
  return execFileSync('zstd', [`-${level}`, '-T1', '-q', '-c', '--no-progress'], { input: data, maxBuffer: 1 << 30 });
}

export function bzip2Bytes(data: Uint8Array): Buffer {
  return execFileSync('bzip2', ['-9', '-c'], { input: data, maxBuffer: 1 << 30 });
}
