import { type int } from '../../../translate/rlib/index.ts';

class Item {
  name: string;
  qty: int;
  constructor(name: string, qty: int) {
    this.name = name;
    this.qty = qty;
  }
}

function show(a: int[]): string {
  let s = '[';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) s += ', ';
    s += a[i];
  }
  return s + ']';
}

function joinInts(a: int[], sep: string): string {
  const parts: string[] = [];
  for (const x of a) parts.push(String(x));
  return parts.join(sep);
}

export function main(argv: string[]): int {
  const a: int[] = [];
  for (let i = 0; i < 10; i++) a.push(i * i);
  console.log(show(a) + ' len ' + a.length);
  const last = a.pop();
  console.log('popped ' + last + ' now ' + show(a));
  console.log('slice(2,5) ' + show(a.slice(2, 5)) + ' slice(-3) ' + show(a.slice(-3)) + ' slice(4) ' + show(a.slice(4)));
  const removed = a.splice(1, 3);
  console.log('splice removed ' + show(removed) + ' left ' + show(a));
  console.log('indexOf 36=' + a.indexOf(36) + ' indexOf 5=' + a.indexOf(5) + ' includes 49=' + a.includes(49));
  a.reverse();
  console.log('reversed ' + show(a));
  a.length = 3;
  console.log('truncated ' + show(a));
  a[1] = -5;
  a[0] += 100;
  a[2]++;
  --a[1];
  console.log('modified ' + show(a));
  const words = ['pear', 'apple', 'fig'];
  words.push('kiwi');
  console.log(words.join('|') + ' ' + words.join('') + ' ' + words.indexOf('fig'));
  const empty: string[] = [];
  console.log('empty join "' + empty.join(',') + '" ' + empty.length);
  // lists of objects
  const items: Item[] = [];
  for (let i = 0; i < 6; i++) items.push(new Item('item' + i, i * 3));
  items.splice(2, 2);
  let total = 0;
  for (const it of items) {
    it.qty++;
    total += it.qty;
  }
  const names: string[] = [];
  for (const it of items) names.push(it.name + ':' + it.qty);
  console.log(names.join(' ') + ' total ' + total);
  const it0 = items[0];
  console.log('indexOf obj ' + items.indexOf(it0) + ' ' + items.indexOf(new Item('item0', 1)));
  // lists of lists
  const grid: int[][] = [];
  for (let r = 0; r < 5; r++) {
    const row: int[] = [];
    for (let c = 0; c < 5; c++) row.push(r * 5 + c);
    grid.push(row);
  }
  grid[2][3] = 99;
  grid[4].push(25);
  const rows: string[] = [];
  for (const row of grid) rows.push(joinInts(row, ' '));
  console.log(rows.join(' / '));
  const tri: string[][] = [];
  for (let i = 0; i < 4; i++) {
    tri.push([]);
    for (let j = 0; j <= i; j++) tri[i].push(String.fromCharCode(97 + j));
  }
  for (const t of tri) console.log(t.join(''));
  const bools: boolean[] = [true, false, true];
  console.log(bools[0] + ',' + bools[1] + ',' + bools.length);
  const floats = [1.5, 2.25, -0.5];
  console.log(floats[0] + floats[1] + floats[2] + ';' + floats.indexOf(2.25));
  // stack and queue behaviour
  const stack: int[] = [];
  let s = 0;
  for (let i = 0; i < 100000; i++) {
    stack.push(i);
    if (i % 3 === 2) {
      s += stack.pop()!;
      s += stack.pop()!;
    }
  }
  console.log('stack len ' + stack.length + ' s ' + s);
  const copy = stack.slice();
  copy.reverse();
  console.log('copy first ' + copy[0] + ' orig first ' + stack[0]);
  return items.length;
}
