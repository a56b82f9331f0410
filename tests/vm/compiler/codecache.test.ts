// The bytecode cache's format (vm/compiler/codecache.ts): every constant kind round-trips, the
// bytes are deterministic, and a stale, truncated or damaged file is refused, never an error.
// The importer's use of it (reading, writing, -B) is run end to end below.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PyCode } from '../../../vm/compiler/code.ts';
import { parse } from '../../../vm/parser/parser.ts';
import { compileModule } from '../../../vm/compiler/compiler.ts';
import { encodeCodeFile, decodeCodeFile, codecacheMagic, CODECACHE_VERSION, HEADER_SIZE } from '../../../vm/compiler/codecache.ts';
import { PySet, PyObject, frozensetType, newDict, newInt, newStr, None } from '../../../vm/objects/core.ts';
import { dictSet } from '../../../vm/objects/dict.ts';
import { repr } from '../../../vm/interpreter/runtime.ts';

function compile(src: string, filename = '/x/m.py'): PyCode {
  return compileModule(parse(src, filename, 3000), filename, 3000);
}

const ALL_KINDS = `
X = (None, True, False, ..., 0, 1, -7, 300, -123456789012, 2**100, -(2**70), 1.5, -0.0, 1e308,
     2j, 1+3j, '', 'abc', 'h\\xe9llo\\U0001F600\\udc80', b'', b'\\x00\\xff', (1, (2, 'a')), ())
Y = X in {'abc', 'zz', 1, 'h\\xe9llo\\U0001F600\\udc80'}
def f(a, /, b=2, *c, d, **e):
    "doc"
    def g():
        nonlocal a
        return a + b
    return g() + len(c) + d + len(e)
class K:
    def m(self): return [x * x for x in range(3)]
async def co():
    l = [y async for y in z()]
    async with q() as r: await r
def gen(): yield from range(2)
lam = lambda *, k=1: k
try:
    pass
except* ValueError:
    pass
match X:
    case (None, True, *rest): pass
    case {'a': 1, **kw}: pass
    case K(m=1): pass
`;

/** A description of code c and its constants, field by field (what decoding must restore). */
function describe_(c: PyCode): string {
  const parts: string[] = [c.name, c.qualname, c.filename, String(c.firstLine), c.ops.join(','), c.words.join(','), c.lines.join(','),
    c.names.join(','), c.nameObjs.map((s) => s.s).join(','), c.varnames.join(','), c.cellvars.join(','), c.freevars.join(','),
    c.cell2arg.join(','), String(c.argcount), String(c.posonly), String(c.kwonly), String(c.flags), String(c.stacksize),
    c.ics.map((x) => (x === null ? '0' : '1')).join('')];
  for (const k of c.consts) parts.push(k instanceof PyCode ? '{' + describe_(k) + '}' : k.cls.name + ':' + constRepr(k));
  return parts.join('|');
}
function constRepr(k: PyObject): string {
  return repr(k);
}

/** A cache file's bytes as the loader reads them (os.readFileLatin1). */
const latin1 = (b: number[] | null): string => Buffer.from(b as number[]).toString('latin1');

describe('code cache format', () => {
  it('round-trips every constant kind and every code field', () => {
    const c = compile(ALL_KINDS);
    const b = encodeCodeFile(c, ALL_KINDS);
    expect(b).not.toBeNull();
    const d = decodeCodeFile(latin1(b as number[]), ALL_KINDS, '/x/m.py');
    expect(d).not.toBeNull();
    expect(describe_(d as PyCode)).toBe(describe_(c));
    // and writes the same bytes again
    expect(encodeCodeFile(d as PyCode, ALL_KINDS)).toEqual(b);
    // the loader's path, not the compiler's, is the code's filename (a tree moved after build)
    const moved = decodeCodeFile(latin1(b as number[]), ALL_KINDS, '/y/m.py') as PyCode;
    expect(moved.filename).toBe('/y/m.py');
    for (const k of moved.consts) if (k instanceof PyCode) expect(k.filename).toBe('/y/m.py');
  });
  it('is deterministic: the same source gives the same bytes; a frozenset by its items, not their order', () => {
    expect(encodeCodeFile(compile(ALL_KINDS), ALL_KINDS)).toEqual(encodeCodeFile(compile(ALL_KINDS), ALL_KINDS));
    const c1 = compile('pass');
    const c2 = compile('pass');
    const a = new PySet(frozensetType, newDict());
    const b = new PySet(frozensetType, newDict());
    const items: PyObject[] = [newInt(3), newStr('x'), newInt(-1), newStr('abc'), None];
    for (const x of items) dictSet(a.table, x, None);
    for (const x of items.slice().reverse()) dictSet(b.table, x, None);
    c1.consts.push(a);
    c2.consts.push(b);
    const e1 = encodeCodeFile(c1, 'pass') as number[];
    expect(e1).toEqual(encodeCodeFile(c2, 'pass'));
    const back = decodeCodeFile(latin1(e1), 'pass', 'f') as PyCode;
    const got = back.consts[back.consts.length - 1];
    expect(got instanceof PySet && got.cls === frozensetType).toBe(true);
    const sorted = (s: PySet): string[] => s.table.keys.filter((k) => k !== null).map((k) => repr(k as PyObject)).sort();
    expect(sorted(got as PySet)).toEqual(sorted(a));
  });
  it('pins the format: bump CODECACHE_VERSION when the encoding changes', () => {
    expect(CODECACHE_VERSION).toBe(3);
    const b = encodeCodeFile(compile('x = 1\n'), 'x = 1\n') as number[];
    expect(b[0] + b[1] * 256 + b[2] * 65536 + b[3] * 16777216).toBe(codecacheMagic());
    expect(b.slice(4, 8)).toEqual([3, 0, 0, 0]);
  });
  it('writes a repeated string once, and reads it as one str object', () => {
    const src = 'def f(): return spam.eggs\ndef g(): return spam.eggs, "eggs"\n';
    const b = encodeCodeFile(compile(src), src) as number[];
    expect(latin1(b).split('eggs').length - 1).toBe(1);
    const d = decodeCodeFile(latin1(b), src, 'f') as PyCode;
    const [f, g] = d.consts.filter((k) => k instanceof PyCode) as PyCode[];
    expect(f.nameObjs[1].s).toBe('eggs');
    expect(g.nameObjs[1]).toBe(f.nameObjs[1]);
    expect(g.consts.includes(f.nameObjs[1])).toBe(true);
  });
  it("an unchecked file (the release build's) loads without its source; a damaged one still does not", () => {
    const src = ALL_KINDS;
    const b = encodeCodeFile(compile(src), src, false) as number[];
    expect(b.slice(4, 8)).toEqual([1, 0, 0, 0]);
    expect(describe_(decodeCodeFile(latin1(b), null, '/x/m.py') as PyCode)).toBe(describe_(compile(src)));
    expect(decodeCodeFile(latin1(b), src + ' ', 'f')).not.toBeNull();
    for (let i = HEADER_SIZE; i < b.length; i += 5) {
      const bad = b.slice();
      bad[i] ^= 0x41;
      expect(decodeCodeFile(latin1(bad), null, 'f')).toBeNull();
    }
    // a checked file needs its source
    const checked = encodeCodeFile(compile(src), src) as number[];
    expect(decodeCodeFile(latin1(checked), null, 'f')).toBeNull();
    expect(decodeCodeFile(latin1(checked), src, 'f')).not.toBeNull();
    expect(decodeCodeFile(latin1(b.slice(0, 10)), null, 'f')).toBeNull();
  });
  it('refuses a cache of another source, and truncated or damaged files, without raising', () => {
    const src = ALL_KINDS;
    const b = encodeCodeFile(compile(src), src) as number[];
    expect(decodeCodeFile(latin1(b), src + ' ', 'f')).toBeNull();
    expect(decodeCodeFile(latin1(b), src.replace('abc', 'abd'), 'f')).toBeNull();
    for (let n = 0; n < b.length; n += 7) expect(decodeCodeFile(latin1(b.slice(0, n)), src, 'f')).toBeNull();
    expect(decodeCodeFile(latin1(b.concat([0])), src, 'f')).toBeNull();
    for (let i = 0; i < b.length; i += 3) {
      const bad = b.slice();
      bad[i] ^= 0x41;
      expect(decodeCodeFile(latin1(bad), src, 'f')).toBeNull();
    }
    const other = b.slice();
    other[0] ^= 1;
    expect(decodeCodeFile(latin1(other), src, 'f')).toBeNull();
    expect(HEADER_SIZE).toBe(20);
  });
});

describe('import with the cache (PYVM_PYCACHE=1)', () => {
  const root = path.resolve(__dirname, '../../..');
  function run(dir: string, args: string[], env: Record<string, string> = {}): string {
    const e: Record<string, string> = { ...process.env as Record<string, string>, PYVM_PYCACHE: '1', ...env };
    delete e.PYTHONDONTWRITEBYTECODE;
    if (env.PYTHONDONTWRITEBYTECODE !== undefined) e.PYTHONDONTWRITEBYTECODE = env.PYTHONDONTWRITEBYTECODE;
    // the launcher finds tsx from its working directory: the script is named by its full path
    return execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'vm/run.ts'), ...args.map((a) => (a.endsWith('.py') && !path.isAbsolute(a) ? path.join(dir, a) : a))], { cwd: root, env: e, encoding: 'utf8' });
  }
  it('writes, reads, recompiles a stale or corrupt cache, and writes nothing with -B', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-codecache-'));
    // start-up imports library modules (os, site), whose caches this run writes next to them:
    // those it adds are removed again, so no later run with another compiler finds them
    const libCache = '/usr/lib/python3.11/__pycache__';
    const ours = (): string[] => (fs.existsSync(libCache) ? fs.readdirSync(libCache).filter((f) => f.includes('.pyvm-311.')) : []);
    const before = new Set(ours());
    try {
      fs.writeFileSync(path.join(dir, 'mod.py'), 'V = (1, 2.5, "s", 2**80)\nprint(V, __cached__ == __spec__.cached)\n');
      fs.writeFileSync(path.join(dir, 'main.py'), 'import mod\n');
      const cache = path.join(dir, '__pycache__', 'mod.pyvm-311.pyc');
      expect(run(dir, ['-B', 'main.py'])).toBe("(1, 2.5, 's', 1208925819614629174706176) True\n");
      expect(fs.existsSync(path.join(dir, '__pycache__'))).toBe(false);
      expect(run(dir, ['main.py'], { PYTHONDONTWRITEBYTECODE: '1' })).toBe("(1, 2.5, 's', 1208925819614629174706176) True\n");
      expect(fs.existsSync(path.join(dir, '__pycache__'))).toBe(false);
      expect(run(dir, ['main.py'])).toBe("(1, 2.5, 's', 1208925819614629174706176) True\n");
      const first = fs.readFileSync(cache);
      expect(fs.readdirSync(path.join(dir, '__pycache__'))).toEqual(['mod.pyvm-311.pyc']);
      // read back: the same output, the file untouched
      expect(run(dir, ['main.py'])).toBe("(1, 2.5, 's', 1208925819614629174706176) True\n");
      expect(fs.readFileSync(cache)).toEqual(first);
      // truncated: ignored, recompiled and rewritten whole
      fs.writeFileSync(cache, first.subarray(0, 30));
      expect(run(dir, ['main.py'])).toBe("(1, 2.5, 's', 1208925819614629174706176) True\n");
      expect(fs.readFileSync(cache)).toEqual(first);
      // garbage of the right length
      fs.writeFileSync(cache, Buffer.alloc(first.length, 0x5a));
      expect(run(dir, ['main.py'])).toBe("(1, 2.5, 's', 1208925819614629174706176) True\n");
      expect(fs.readFileSync(cache)).toEqual(first);
      // the source changed: the new text runs
      fs.writeFileSync(path.join(dir, 'mod.py'), 'print("changed", __cached__.endswith("__pycache__/mod.pyvm-311.pyc"))\n');
      expect(run(dir, ['main.py'])).toBe('changed True\n');
      const changed = fs.readFileSync(cache);
      expect(changed).not.toEqual(first);
      // the build's precompiler writes what the importer writes, flagged unchecked (byte 4)
      fs.rmSync(path.join(dir, '__pycache__'), { recursive: true });
      run(dir, [path.join(root, 'scripts/pyvm-precompile.py'), '-q', dir]);
      const built = fs.readFileSync(cache);
      expect(built[4]).toBe(1);
      expect(Buffer.concat([built.subarray(0, 4), Buffer.from([3]), built.subarray(5)])).toEqual(changed);
      // which imports then trust without reading the source: an edit is not seen (as CPython's
      // unchecked-hash pycs), and a damaged file is still recompiled (a checked one written)
      fs.writeFileSync(path.join(dir, 'mod.py'), 'print("edited")\n');
      expect(run(dir, ['main.py'])).toBe('changed True\n');
      fs.writeFileSync(cache, built.subarray(0, built.length - 1));
      expect(run(dir, ['main.py'])).toBe('edited\n');
      expect(fs.readFileSync(cache)[4]).toBe(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      for (const f of ours()) if (!before.has(f)) fs.rmSync(path.join(libCache, f), { force: true });
    }
  });
});
