// A small deterministic zip writer: entries in the order given, fixed DOS timestamps from
// SOURCE_DATE_EPOCH, Unix modes in the external attributes, deflate (zlib deflateRaw) or
// store. Used for the Windows archive and for the (stored) .conda container.

import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** '/'-separated; directories end with '/' */
  path: string;
  data: Uint8Array; // empty for directories
  mode: number; // Unix permission bits
  method: 'store' | 'deflate';
}

/** MS-DOS date and time words for a UTC epoch (clamped to 1980, DOS's epoch; 2 s resolution). */
export function dosDateTime(epoch: number): { date: number; time: number } {
  const d = new Date(Math.max(epoch, 315532800) * 1000);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

export function zipBytes(entries: readonly ZipEntry[], epoch: number): Buffer {
  const { date, time } = dosDateTime(epoch);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const isDir = e.path.endsWith('/');
    const crc = crc32(e.data) >>> 0;
    const method = isDir || e.method === 'store' ? 0 : 8;
    const body = method === 8 ? deflateRawSync(e.data, { level: 9 }) : Buffer.from(e.data);
    const flags = /[^\x20-\x7e]/.test(e.path) ? 0x0800 : 0; // UTF-8 names only when needed
    const needed = method === 8 || isDir ? 20 : 10;

    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(needed, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    locals.push(lh, name, body);

    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 30, 4); // made by: Unix, spec 3.0 (so the high attribute word is a mode)
    ch.writeUInt16LE(needed, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(time, 12);
    ch.writeUInt16LE(date, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(0, 30); // extra
    ch.writeUInt16LE(0, 32); // comment
    ch.writeUInt16LE(0, 34); // disk
    ch.writeUInt16LE(0, 36); // internal attrs
    const unixType = isDir ? 0o040000 : 0o100000;
    ch.writeUInt32LE((((unixType | e.mode) << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);

    offset += lh.length + name.length + body.length;
  }
  const central = Buffer.concat(centrals);
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('zip: archive needs zip64, which this writer does not produce');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(central.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, eocd]);
}
