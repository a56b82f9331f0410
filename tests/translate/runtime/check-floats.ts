// Checks the runtime harness's "floats" output: each line "F <hex bits> <String(x)> <repr(x)>
// <x.toFixed(2)|-> <x.toFixed(7)|->" against node's own String / toFixed and python3's repr.
//   npx tsx tests/translate/runtime/check-floats.ts FILE
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface FloatCheck {
  lines: number;
  hexes: string[];
  /** one message per mismatching line */
  bad: string[];
}

export function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'pass']).status === 0;
}

/** repr(x) of each double given as 16 hex digits (big-endian bits), by python3 */
export function pythonReprs(hexes: string[]): string[] {
  const script = 'import sys, struct\nfor h in sys.stdin.read().split():\n    print(repr(struct.unpack(">d", bytes.fromhex(h))[0]))';
  const out = execFileSync('python3', ['-c', script], { input: hexes.join('\n'), maxBuffer: 1 << 28 }).toString();
  return out.trim().split('\n');
}

export function checkFloats(text: string, withPython = hasPython()): FloatCheck {
  const lines = text.split('\n').filter((l) => l.startsWith('F '));
  const fields = lines.map((l) => l.split(' '));
  const hexes = fields.map((f) => f[1]);
  const py = withPython ? pythonReprs(hexes) : null;
  const bad: string[] = [];
  fields.forEach((f, i) => {
    const [, hex, js, repr, fixed2, fixed7] = f;
    const x = Buffer.from(hex, 'hex').readDoubleBE(0);
    const fixedOk = Math.abs(x) < 1e21 && !Number.isNaN(x);
    const want = [String(x), py ? py[i] : repr, fixedOk ? x.toFixed(2) : '-', fixedOk ? x.toFixed(7) : '-'];
    const got = [js, repr, fixed2, fixed7];
    if (want.join(' ') !== got.join(' ')) bad.push(`${hex}: got ${got.join(' ')}, want ${want.join(' ')}`);
  });
  return { lines: lines.length, hexes, bad };
}

/** Checks "P <decimal> <hex bits>" lines (the harness's parse mode) against python3's float(). */
export function checkParses(text: string): FloatCheck {
  const lines = text.split('\n').filter((l) => l.startsWith('P '));
  const fields = lines.map((l) => l.split(' '));
  const script = 'import sys, struct\nfor s in sys.stdin.read().split():\n    print(struct.pack(">d", float(s)).hex())';
  const out = execFileSync('python3', ['-c', script], { input: fields.map((f) => f[1]).join('\n'), maxBuffer: 1 << 28 });
  const want = out.toString().trim().split('\n');
  const bad: string[] = [];
  fields.forEach((f, i) => {
    if (f[2] !== want[i] || f.length !== 3) bad.push(`${f[1]}: got ${f.slice(2).join(' ')}, want ${want[i]}`);
  });
  return { lines: lines.length, hexes: fields.map((f) => f[2]), bad };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(process.argv[2], 'utf8');
  const r = checkFloats(text);
  for (const b of r.bad.slice(0, 20)) console.log(b);
  console.log(`floats: ${r.lines} values, ${r.bad.length} mismatches${hasPython() ? '' : ' (python3 missing: repr not checked)'}`);
  let bad = r.bad.length || r.lines === 0;
  if (text.includes('\nP ') && hasPython()) {
    const p = checkParses(text);
    for (const b of p.bad.slice(0, 20)) console.log(b);
    console.log(`parses: ${p.lines} values, ${p.bad.length} mismatches`);
    bad ||= p.bad.length > 0;
  }
  process.exitCode = bad ? 1 : 0;
}
