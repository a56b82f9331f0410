import { type int } from '../../../translate/rlib/index.ts';

class Key {
  id: int;
  constructor(id: int) {
    this.id = id;
  }
}

export function main(argv: string[]): int {
  const m = new Map<string, int>();
  m.set('one', 1);
  m.set('two', 2);
  m.set('three', 3);
  m.set('one', 11);
  console.log('size ' + m.size + ' get one ' + m.get('one') + ' has four ' + m.has('four'));
  const ks: string[] = [];
  for (const k of m.keys()) ks.push(k);
  console.log('keys ' + ks.join(','));
  let vs = 0;
  for (const v of m.values()) vs += v;
  console.log('sum values ' + vs);
  console.log('delete two ' + m.delete('two') + ' delete nine ' + m.delete('nine'));
  m.set('two', 22);
  const ks2: string[] = [];
  for (const k of m.keys()) ks2.push(k + '=' + m.get(k));
  console.log('after reinsert ' + ks2.join(' '));

  const im = new Map<int, string>();
  for (let i = 0; i < 1000; i++) im.set(i * 7 % 1000, 'v' + i);
  for (let i = 0; i < 1000; i += 2) im.delete(i);
  let cnt = 0;
  let firstKeys = '';
  for (const k of im.keys()) {
    if (cnt < 8) firstKeys += k + ' ';
    cnt++;
  }
  console.log('int map ' + im.size + ' ' + cnt + ' first ' + firstKeys + im.get(7) + ' ' + im.has(14));
  im.set(-5, 'neg');
  console.log('neg ' + im.get(-5));

  const om = new Map<Key, string>();
  const k1 = new Key(1);
  const k2 = new Key(1);
  om.set(k1, 'first');
  om.set(k2, 'second');
  console.log('obj map ' + om.size + ' ' + om.get(k1) + ' ' + om.get(k2) + ' ' + om.has(new Key(1)));
  const miss = om.get(new Key(3));
  console.log('missing is undefined ' + (miss === undefined));
  const vals: string[] = [];
  for (const v of om.values()) vals.push(v);
  console.log(vals.join('+'));
  for (const k of om.keys()) k.id += 10;
  console.log('ids ' + k1.id + ' ' + k2.id);

  // maps of lists and counting
  const groups = new Map<int, string[]>();
  const words = ['apple', 'bob', 'cat', 'dog', 'eagle', 'fish', 'go', 'house', 'ink', 'jam'];
  for (const w of words) {
    if (!groups.has(w.length)) groups.set(w.length, [w]);
    else groups.get(w.length)!.push(w);
  }
  for (const k of groups.keys()) console.log(k + ': ' + groups.get(k)!.join(','));
  // delete during build
  const build = new Map<string, int>();
  for (let i = 0; i < 50; i++) {
    build.set('k' + i, i);
    if (i % 4 === 3) build.delete('k' + (i - 2));
  }
  let line = '';
  for (const k of build.keys()) line += k + ',';
  console.log(build.size + ' ' + line);
  build.clear();
  console.log('cleared ' + build.size);
  build.set('z', 26);
  console.log('after clear ' + build.get('z'));
  return m.size;
}
