// What genc's graph inliner and string fast paths must keep: small callees that allocate
// (their results and the caller's live references survive collections), raise (to the
// caller's own handler or out of it), return nothing; one-character compares against
// ASCII, non-ASCII and null strings; substring(i, i + 1) of ASCII and non-ASCII units;
// string order decided by the first unit or later.
import { type int } from '../../../translate/rlib/index.ts';

class Box {
  constructor(public v: int, public next: Box | null) {}
}

class Scanner {
  pos: int = 0;
  constructor(public text: string) {}
  peek(): string {
    return this.text.substring(this.pos, this.pos + 1);
  }
  advance(): void {
    this.pos++;
  }
  expect(c: string): void {
    if (this.peek() !== c) throw new Error('expected ' + c + ' at ' + this.pos + ', got ' + this.peek());
    this.advance();
  }
}

function cons(v: int, next: Box | null): Box {
  return new Box(v, next);
}

function label(b: Box): string {
  return 'b' + b.v;
}

function sum(b: Box | null): int {
  let s = 0;
  for (let p = b; p !== null; p = p.next) s += p.v;
  return s;
}

function maybe(s: string | null): boolean {
  return s === 'x';
}

export function main(argv: string[]): int {
  // a long chain built through an inlined allocator while older boxes are only reachable
  // from the caller's variables: every collection must see them
  let head: Box | null = null;
  const keep = cons(-1, null);
  for (let i = 0; i < 300000; i++) {
    head = cons(i % 1000, i % 3 === 0 ? head : keep);
    if (i % 50000 === 0) console.log(label(head) + ' ' + keep.v);
  }
  console.log('sum ' + sum(head) + ' keep ' + keep.v);

  const sc = new Scanner('a[é"\u00ff] z');
  const seen: string[] = [];
  while (sc.pos < sc.text.length) {
    const c = sc.peek();
    if (c === ' ') seen.push('space');
    else if (c === 'é') seen.push('e-acute');
    else if (c === '\u00ff') seen.push('y-diaeresis ' + c.charCodeAt(0));
    else if (c === '"') seen.push('quote');
    else if ('[' === c) seen.push('open');
    else if (c !== 'a' && c !== 'z') seen.push('other ' + c);
    else seen.push('letter ' + c);
    sc.advance();
  }
  console.log(seen.join(','));
  console.log('past end: [' + sc.peek() + '] ' + (sc.peek() === '') + ' ' + (sc.peek() !== ' '));

  const p = new Scanner('ab');
  try {
    p.expect('a');
    p.expect('c');
    console.log('not reached');
  } catch (e) {
    console.log('caught: ' + (e as Error).message);
  }
  console.log('pos after ' + p.pos);

  console.log(maybe('x') + ' ' + maybe(null) + ' ' + maybe('xx') + ' ' + maybe('y'));
  const words = ['pear', 'peach', 'apple', 'b', 'a', 'ab', '', 'é', 'z'];
  const order: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = 0; j < words.length; j++) if (words[i] < words[j] && words[j] <= 'q') order.push(words[i] + '<' + words[j]);
  console.log(order.length + ' ' + order.slice(0, 12).join(' '));
  console.log(('é' > 'z') + ' ' + ('peach' < 'pear') + ' ' + ('a' >= 'a') + ' ' + ('' < 'a'));

  // an uncaught error raised inside an inlined callee ends the program as usual
  if (argv.length > 0 && argv[0] === 'fail') new Scanner('q').expect('r');
  return 0;
}
