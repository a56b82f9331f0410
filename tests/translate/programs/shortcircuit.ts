// && || ?? short-circuit with side effects, compound assignments, ++/-- on fields and items.
import { type int, type float } from '../../../translate/rlib/index.ts';

class Trace {
  log: string[] = [];
  count: int = 0;
  total: float = 0.0;
  name: string | null = null;
  child: Trace | null = null;
}

const T = new Trace();

function yes(tag: string): boolean {
  T.log.push(tag);
  return true;
}
function no(tag: string): boolean {
  T.log.push(tag);
  return false;
}
function named(tag: string, n: string | null): string | null {
  T.log.push(tag);
  return n;
}

function pick(a: Trace | null, b: Trace): Trace {
  return a ?? b;
}

export function main(argv: string[]): int {
  const r1 = yes('a') && no('b') && yes('c');
  const r2 = no('d') || yes('e') || yes('f');
  const r3 = (no('g') && yes('h')) || (yes('i') && yes('j'));
  const r4 = !(yes('k') || no('l'));
  console.log(`${r1} ${r2} ${r3} ${r4} ${T.log.join('')}`);
  T.log = [];
  const s1 = named('m', null) ?? 'dflt';
  const s2 = named('n', 'given') ?? named('o', 'never');
  console.log(s1 + ' ' + s2 + ' ' + T.log.join(''));
  const t2 = new Trace();
  t2.count = 5;
  const p = pick(null, t2);
  const q = pick(T, t2);
  console.log('pick ' + p.count + ' ' + (q === T));
  T.child = t2;
  const c = T.child ?? new Trace();
  c.count += 10;
  console.log('child ' + t2.count);
  // compound assignments
  let x = 10;
  x += 5;
  x -= 3;
  x *= 4;
  x %= 7;
  x = x ** 3;
  let f = 1.5;
  f += 2.25;
  f *= 2.0;
  f /= 3.0;
  f -= 0.5;
  let s = 'ab';
  s += 'cd';
  s += 12;
  s += true;
  console.log(`x=${x} f=${f} s=${s}`);
  // ++/-- on locals, fields and list items
  let i = 5;
  const a = i++;
  const b = ++i;
  const cc = i--;
  const d = --i;
  console.log(`i=${i} a=${a} b=${b} c=${cc} d=${d}`);
  T.count = 0;
  const e1 = T.count++;
  const e2 = ++T.count;
  T.count--;
  --T.count;
  T.count += 7;
  T.total += 0.5;
  T.total *= 3.0;
  console.log(`count=${T.count} e1=${e1} e2=${e2} total=${T.total}`);
  const arr: int[] = [1, 2, 3];
  const g1 = arr[0]++;
  const g2 = ++arr[1];
  arr[2]--;
  arr[2] *= 10;
  let idx = 0;
  arr[idx++] += 100;
  console.log(`arr=${arr[0]},${arr[1]},${arr[2]} g1=${g1} g2=${g2} idx=${idx}`);
  const objs: Trace[] = [new Trace(), new Trace()];
  objs[1].count++;
  objs[1].count += objs[0].count++;
  ++objs[0].count;
  console.log('objs ' + objs[0].count + ' ' + objs[1].count);
  T.name = T.name ?? 'set-once';
  T.name = T.name ?? 'not-again';
  console.log('name ' + T.name);
  const nn = (T.child !== null && T.child.count > 3) ? 'big child' : 'small child';
  console.log(nn);
  let calls = 0;
  for (let k = 0; k < 10; k++) {
    if (k % 2 === 0 || (calls++ > 100)) continue;
  }
  console.log('calls ' + calls);
  return x % 256;
}
