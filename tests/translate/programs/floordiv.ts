import { type int, floorDiv, floorMod, truncDiv, floatMod, ZeroDivisionError } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const vals: int[] = [7, -7, 0, 1, -1, 13, -13, 100];
  const divs: int[] = [2, -2, 3, -3, 7, -7, 1, -1];
  for (const a of vals) {
    const row: string[] = [];
    for (const b of divs) {
      row.push(`${floorDiv(a, b)}/${floorMod(a, b)}/${truncDiv(a, b)}/${a % b}`);
    }
    console.log(a + ': ' + row.join(' '));
  }
  let z = 0;
  const ops = ['floorDiv', 'floorMod', 'truncDiv', 'floatMod'];
  for (const op of ops) {
    try {
      if (op === 'floorDiv') floorDiv(5, 0);
      else if (op === 'floorMod') floorMod(5, 0);
      else if (op === 'truncDiv') truncDiv(-5, 0);
      else floatMod(5.0, 0.0);
      console.log(op + ' no error');
    } catch (e) {
      if (e instanceof ZeroDivisionError) {
        z++;
        console.log(op + ' ZeroDivisionError: ' + e.message);
      } else throw e;
    }
  }
  console.log('floatMod ' + floatMod(7.5, 2.0) + ' ' + floatMod(-7.5, 2.0) + ' ' + floatMod(7.5, -2.0) + ' ' + floatMod(-7.5, -2.0) + ' ' + floatMod(6.0, -3.0));
  console.log('big ' + floorDiv(-9007199254740991, 2) + ' ' + floorMod(-9007199254740991, 1000) + ' ' + floorDiv(9007199254740991, -10));
  console.log('js % floats ' + (5.5 % 2.0) + ' ' + (-5.5 % 2.0) + ' / ' + (7 / 2) + ' ' + (-7 / 2) + ' ' + 1 / 3);
  // constant powers of two (genc emits a shift and a mask for these): every sign and size
  const pw: int[] = [0, 1, -1, 255, 256, -256, -257, 4294967295, 4294967296, -4294967297, 9007199254740991, -9007199254740991];
  for (const a of pw) console.log(`pow2 ${a}: ${floorDiv(a, 2)} ${floorMod(a, 2)} ${floorDiv(a, 256)} ${floorMod(a, 256)} ${floorDiv(a, 4294967296)} ${floorMod(a, 4294967296)} ${floorMod(a, 1)} ${floorDiv(a, 1)}`);
  let s = 0;
  for (let i = -500; i < 500; i++) s += floorDiv(i, 7) * 3 + floorMod(i, -11);
  console.log('sum ' + s);
  return z;
}
