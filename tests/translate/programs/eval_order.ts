// JS evaluation order, which the translation must keep: an assignment's target object and
// index before its value, operands and arguments left to right, read-modify-write reading once.
import { type int } from '../../../translate/rlib/index.ts';

class Log {
  steps: string[] = [];
}

class Box {
  f: int = 0;
  items: int[] = [0, 0, 0, 0];
}

function note(log: Log, what: string, v: int): int {
  log.steps.push(what);
  return v;
}

function boxOf(log: Log, b: Box): Box {
  log.steps.push('box');
  return b;
}

function three(a: int, b: int, c: int): string {
  return a + ',' + b + ',' + c;
}

export function main(argv: string[]): int {
  const a: int[] = [1, 2, 3, 4];
  let i = 1;
  a[i++] = a[i - 1] * 10;
  console.log('a[i++] = a[i - 1] * 10: ' + a.join(' ') + ' i=' + i);
  let j = 0;
  a[j] = j = 3;
  console.log('a[j] = j = 3: ' + a.join(' ') + ' j=' + j);

  const log = new Log();
  const b = new Box();
  boxOf(log, b).f = note(log, 'value', 7);
  boxOf(log, b).items[note(log, 'index', 2)] = note(log, 'value', 9);
  boxOf(log, b).items[note(log, 'index', 1)] += note(log, 'operand', 5);
  console.log('targets before values: ' + log.steps.join(' ') + ' | f=' + b.f + ' items=' + b.items.join(' '));

  const log2 = new Log();
  const sum = note(log2, 'left', 1) + note(log2, 'right', 2) * note(log2, 'far', 3);
  const s = three(note(log2, 'a', 1), note(log2, 'b', 2), note(log2, 'c', 3));
  console.log('operands and arguments: ' + log2.steps.join(' ') + ' sum=' + sum + ' args=' + s);

  let k = 5;
  const pair = k++ + k++ * 2;
  console.log('k++ + k++ * 2 = ' + pair + ' k=' + k);
  let x: int[] = [1, 2];
  const old = x;
  x[0] = (x = [7, 8])[1];
  console.log('x[0] = (x = [7, 8])[1]: old=' + old.join(' ') + ' x=' + x.join(' '));
  return 0;
}
