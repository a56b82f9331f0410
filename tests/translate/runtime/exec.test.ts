// Machine code becomes executable only through execmem.finalize (translate/runtime/exec.c), and
// finalize makes the instruction cache see the new code on every ISA. qemu-user keeps no stale
// instruction cache, so a missing flush passes every emulated run and fails only on real
// aarch64 or POWER hardware: this suite checks it from the compiled code instead.
//
// 1. No source but exec.c's protect() asks for executable memory (mprotect, VirtualProtect,
//    PROT_EXEC, PAGE_EXECUTE*, MAP_JIT), in the C runtime or anywhere the translator or the VM
//    could emit or call it.
// 2. exec.c compiled for each ISA with that ISA's cross compiler: the code reachable from
//    rts_exec_finalize (objdump's call graph within the object) both changes the protection and
//    flushes: a call to libgcc's __clear_cache (or `ic ivau`) on aarch64; dcbst, icbi and isync on
//    POWER (GCC expands __builtin___clear_cache to nothing there); FlushInstructionCache on
//    Windows. x86-64 and s390x keep instruction fetches coherent with stores: no flush is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXEC_C = join(ROOT, 'translate', 'runtime', 'exec.c');
const EXEC_PRIMITIVES = /\b(mprotect|VirtualProtect|PROT_EXEC|PAGE_EXECUTE\w*|MAP_JIT)\b/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(c|h|ts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

describe('executable memory only through execmem.finalize', () => {
  it('no source but exec.c asks the OS for executable memory', () => {
    const offenders: string[] = [];
    for (const dir of ['translate', 'vm', 'common', 'bin']) {
      for (const file of sources(join(ROOT, dir))) {
        if (file === EXEC_C) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            // comments may name the primitives (rts.h documents finalize with them)
            const code = line.replace(/\/\*.*?(\*\/|$)|\/\/.*$/g, '').replace(/^\s*\*.*$/, '');
            if (EXEC_PRIMITIVES.test(code)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("in exec.c, only protect() asks for executable pages, and it flushes when it does", () => {
    const src = readFileSync(EXEC_C, 'utf8');
    const fns = [...src.matchAll(/^[a-z][^\n;]*\b(\w+)\([^)]*\)\s*\{\n([\s\S]*?)^\}/gm)];
    const asking = fns.filter((m) => /PROT_EXEC|PAGE_EXECUTE/.test(m[2])).map((m) => m[1]);
    expect(asking).toEqual(['protect']);
    const protect = fns.find((m) => m[1] === 'protect')![2];
    expect(protect).toMatch(/if \(exec\) flush_icache\(/);
    expect(protect).toMatch(/if \(exec\) FlushInstructionCache\(/);
  });
});

interface Isa {
  name: string;
  cc: string;
  objdump: string;
  /** what must be reachable from rts_exec_finalize: instruction mnemonics or called symbols */
  flush: RegExp[];
  protect: RegExp;
}

const ISAS: Isa[] = [
  { name: 'x86_64', cc: 'gcc', objdump: 'objdump', flush: [], protect: /\bmprotect\b/ },
  { name: 'aarch64', cc: 'aarch64-linux-gnu-gcc', objdump: 'aarch64-linux-gnu-objdump', flush: [/\b__clear_cache\b|\bic\s+ivau\b/], protect: /\bmprotect\b/ },
  { name: 'ppc64le', cc: 'powerpc64le-linux-gnu-gcc', objdump: 'powerpc64le-linux-gnu-objdump', flush: [/\bdcbst\b/, /\bicbi\b/, /\bisync\b/], protect: /\bmprotect\b/ },
  { name: 's390x', cc: 's390x-linux-gnu-gcc', objdump: 's390x-linux-gnu-objdump', flush: [], protect: /\bmprotect\b/ },
  { name: 'windows-x86_64', cc: 'x86_64-w64-mingw32-gcc', objdump: 'x86_64-w64-mingw32-objdump', flush: [/FlushInstructionCache\b/], protect: /VirtualProtect\b/ }, // called through __imp_ pointers
];

function installed(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, cmd)));
}

/** Each function's disassembly lines (with relocations), by name. */
function functions(disassembly: string): Map<string, string[]> {
  const fns = new Map<string, string[]>();
  let cur: string[] | null = null;
  for (const line of disassembly.split('\n')) {
    const head = /^[0-9a-f]+ <([^>]+)>:$/.exec(line);
    if (head) fns.set(head[1], (cur = []));
    else if (cur !== null) cur.push(line);
  }
  return fns;
}

/** The lines of `root` and of every function of the object it reaches by calls or branches. */
function reachable(fns: Map<string, string[]>, root: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const walk = (name: string): void => {
    if (seen.has(name) || !fns.has(name)) return;
    seen.add(name);
    for (const line of fns.get(name)!) {
      lines.push(line);
      for (const m of line.matchAll(/<([A-Za-z_.$][\w.$]*)(?:\+0x[0-9a-f]+)?>/g)) walk(m[1]);
    }
  };
  walk(root);
  return lines;
}

const work = mkdtempSync(join(tmpdir(), 'pyvm-exec-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(ISAS)('exec.c for $name', (isa) => {
  const missing = [isa.cc, isa.objdump].filter((c) => !installed(c));
  it.skipIf(missing.length > 0)(`finalize changes the protection and flushes the instruction cache${missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : ''}`, () => {
    const obj = join(work, `exec-${isa.name}.o`);
    // the translator's optimisation flags: what is checked is what ships
    const cc = spawnSync(isa.cc, ['-std=gnu11', '-O2', '-fno-strict-aliasing', '-fwrapv', '-c', EXEC_C, '-o', obj], { encoding: 'utf8' });
    expect(cc.stderr).toBe('');
    expect(cc.status).toBe(0);
    const dump = spawnSync(isa.objdump, ['-dr', '--no-show-raw-insn', obj], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(dump.status).toBe(0);
    const code = reachable(functions(dump.stdout), 'rts_exec_finalize').join('\n');
    expect(code).not.toBe('');
    expect(code).toMatch(isa.protect);
    for (const f of isa.flush) expect(code).toMatch(f);
  });
});
