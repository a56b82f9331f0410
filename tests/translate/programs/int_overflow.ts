import { type int, addOvf, subOvf, mulOvf, OverflowError, MAX_INT, MIN_INT, toInt } from '../../../translate/rlib/index.ts';

function factorial(n: int): int {
  let r = 1;
  for (let i = 2; i <= n; i++) r = mulOvf(r, i);
  return r;
}

function firstOverflowingFactorial(): int {
  for (let n = 1; n < 100; n++) {
    try {
      factorial(n);
    } catch (e) {
      if (e instanceof OverflowError) return n;
      throw e;
    }
  }
  return -1;
}

function fibOvf(): string {
  let a = 0;
  let b = 1;
  let n = 1;
  try {
    for (;;) {
      const c = addOvf(a, b);
      a = b;
      b = c;
      n++;
    }
  } catch (e) {
    if (e instanceof OverflowError) return 'fib overflow at ' + n + ' last ' + b + ' msg ' + e.message;
    throw e;
  }
}

export function main(argv: string[]): int {
  console.log('MAX ' + MAX_INT + ' MIN ' + MIN_INT);
  console.log('20! = ' + factorial(18));
  console.log('first overflowing factorial ' + firstOverflowingFactorial());
  console.log(fibOvf());
  console.log('add ok ' + addOvf(MAX_INT - 1, 1) + ' sub ok ' + subOvf(MIN_INT + 1, 1));
  let fails = 0;
  try {
    addOvf(MAX_INT, 1);
  } catch (e) {
    if (e instanceof OverflowError) fails++;
  }
  try {
    subOvf(MIN_INT, 1);
  } catch (e) {
    if (e instanceof OverflowError) fails++;
  }
  try {
    mulOvf(3037000499, 3037000499);
  } catch (e) {
    if (e instanceof OverflowError) fails++;
  }
  try {
    mulOvf(-4294967296, 4294967296);
  } catch (e) {
    if (e instanceof OverflowError) fails++;
  }
  try {
    console.log('mul ok ' + mulOvf(94906265, 94906265));
  } catch (e) {
    if (e instanceof OverflowError) fails += 100;
  }
  try {
    console.log('mul neg ok ' + mulOvf(-2147483648, 4194303));
  } catch (e) {
    if (e instanceof OverflowError) fails += 100;
  }
  try {
    toInt(1e300);
  } catch (e) {
    if (e instanceof OverflowError) fails++;
  }
  console.log('toInt ' + toInt(-3.99) + ' ' + toInt(3.99) + ' ' + toInt(9007199254740991.0));
  console.log('fails ' + fails);
  let x = 1;
  let steps = 0;
  try {
    while (true) {
      x = mulOvf(x, 3);
      steps++;
    }
  } catch (e) {
    console.log('3^' + steps + ' = ' + x + ' then ' + (e instanceof OverflowError));
  }
  const big = 4503599627370496;
  console.log('plain arith in range ' + (big + big - 1) + ' ' + (big * 2 - 1 === MAX_INT));
  return fails;
}
