// async def / await / async for / async with at compile time: what compiles, and the
// SyntaxErrors of misplaced ones, compared with CPython's (message, line, offset).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { parse } from '../../../vm/parser/parser.ts';
import { compileModule } from '../../../vm/compiler/compiler.ts';
import { ParseError } from '../../../vm/parser/tokenizer.ts';
import { PYTHON } from '../../python.ts';

const SOURCES = [
  'await x',
  'def f():\n    await x',
  'def f():\n    async for a in b: pass',
  'async for a in b: pass',
  'def f():\n    async with a: pass',
  'async with a: pass',
  'def f():\n    return [x async for x in y]',
  'def f():\n    return [await x for x in y]',
  'async def f():\n    yield from x',
  'async def f():\n    return 1\n    yield',
  'async def f():\n    g = lambda: await x',
  'class C:\n    await x',
  'async def f():\n    await x = 1',
  'async def f():\n    def g():\n        await x',
  'async def f():\n    await x\n    async for a in b: pass\n    async with a as b, c: pass',
  'async def f():\n    return [x async for x in y], {await z for z in w}',
  'async def f():\n    return [[await z for z in y] for y in w]',
  'def f():\n    return (x async for x in y)',
  'async def f():\n    yield 1\n    return',
  '@dec\nasync def f(): pass',
  'class C:\n    async def m(self): return await self.n()',
  'async def f():\n    return await x ** 2, -await y, await a.b(c)[d]',
];

/** 'ok', or 'msg line offset' of the SyntaxError. */
function vmOutcome(src: string): string {
  try {
    compileModule(parse(src, '<src>', 3000), '<src>', 3000);
    return 'ok';
  } catch (e) {
    if (e instanceof ParseError) return `${e.msg} ${e.line} ${e.col}`;
    throw e;
  }
}

function cpythonOutcomes(): string[] {
  const prog = [
    'import json, sys',
    'out = []',
    'for src in json.load(sys.stdin):',
    '    try:',
    "        compile(src, '<src>', 'exec')",
    "        out.append('ok')",
    '    except SyntaxError as e:',
    "        out.append(f'{e.msg} {e.lineno} {e.offset}')",
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', prog], { input: JSON.stringify(SOURCES), encoding: 'utf8' })) as string[];
}

describe('async syntax', () => {
  it('compiles and refuses the same sources as CPython, with its messages and positions', () => {
    const want = cpythonOutcomes();
    const got = SOURCES.map(vmOutcome);
    for (let i = 0; i < SOURCES.length; i++) expect([SOURCES[i], got[i]]).toEqual([SOURCES[i], want[i]]);
  });
});
