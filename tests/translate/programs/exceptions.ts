import { type int } from '../../../translate/rlib/index.ts';

class AppError extends Error {
  code: int;
  constructor(msg: string, code: int) {
    super(msg);
    this.code = code;
  }
}
class NotFound extends AppError {
  key: string;
  constructor(key: string) {
    super('not found: ' + key, 404);
    this.key = key;
  }
}
class Invalid extends AppError {
  constructor(msg: string) {
    super(msg, 400);
  }
}
class Other extends Error {}

class Log {
  lines: string[] = [];
  add(s: string): void {
    this.lines.push(s);
  }
}
const LOG = new Log();

function lookup(k: string): int {
  if (k === 'a') return 1;
  if (k === 'b') return 2;
  if (k === 'bad') throw new Invalid('bad key');
  throw new NotFound(k);
}

function deep(n: int, k: string): int {
  if (n === 0) return lookup(k);
  try {
    return deep(n - 1, k) + 1;
  } finally {
    if (n % 5 === 0) LOG.add('unwind ' + n);
  }
}

function finallyReturn(): int {
  try {
    throw new Other('lost');
  } finally {
    return 42;
  }
}

function tryReturnOrder(): string {
  let s = '';
  try {
    s += 't';
    return s;
  } finally {
    s += 'f';
    LOG.add('finally saw ' + s);
  }
}

function loopControl(): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    try {
      if (i === 2) continue;
      if (i === 7) break;
      if (i % 3 === 0) throw new Invalid('i=' + i);
      out += 'b' + i;
    } catch (e) {
      if (e instanceof Invalid) out += '[' + e.message + ']';
      else throw e;
    } finally {
      out += '.';
    }
  }
  return out;
}

function rethrow(k: string): string {
  try {
    lookup(k);
    return 'ok';
  } catch (e) {
    if (e instanceof NotFound) {
      return 'handled ' + e.key;
    }
    throw e;
  }
}

function nested(): string {
  let s = '';
  try {
    try {
      try {
        throw new NotFound('x');
      } catch (e) {
        s += 'c1;';
        throw new Invalid('from c1');
      } finally {
        s += 'f1;';
      }
    } catch (e) {
      if (e instanceof Invalid) s += 'c2:' + e.message + ';';
      throw new Other('o');
    } finally {
      s += 'f2;';
    }
  } catch (e) {
    s += 'c3:' + (e instanceof Other) + ':' + (e as Error).message + ';';
  }
  return s;
}

function labeled(): int {
  let n = 0;
  outer: for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      try {
        if (j === 3) continue outer;
        if (i === 4) break outer;
        n += 1;
      } finally {
        n += 100;
      }
    }
  }
  return n;
}

export function main(argv: string[]): int {
  console.log('deep a ' + deep(12, 'a'));
  try {
    deep(23, 'zzz');
  } catch (e) {
    if (e instanceof AppError) console.log('caught ' + e.message + ' code ' + e.code);
  }
  try {
    deep(3, 'bad');
  } catch (e) {
    if (e instanceof NotFound) console.log('wrong');
    else if (e instanceof Invalid) console.log('invalid ' + e.code);
  }
  console.log('finallyReturn ' + finallyReturn());
  console.log('tryReturnOrder ' + tryReturnOrder());
  console.log('loop ' + loopControl());
  console.log(rethrow('q'));
  try {
    console.log(rethrow('bad'));
  } catch (e) {
    console.log('rethrown ' + (e as Error).message + ' ' + (e instanceof AppError));
  }
  console.log(nested());
  console.log('labeled ' + labeled());
  let caught = 0;
  for (let i = 0; i < 100000; i++) {
    try {
      if (i % 3 === 0) throw new NotFound('k' + i);
      if (i % 3 === 1) throw new Other('o');
    } catch (e) {
      if (e instanceof NotFound) caught += 2;
      else caught += 1;
    }
  }
  console.log('caught ' + caught);
  const err = new Error('plain');
  console.log(err.message + ' ' + (err instanceof AppError));
  for (const l of LOG.lines) console.log(l);
  return 7;
}
