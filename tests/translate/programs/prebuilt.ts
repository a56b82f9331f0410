// Prebuilt constants: module-level tables computed at load time with any JavaScript.
import { type int, type float } from '../../../translate/rlib/index.ts';

enum Color {
  Red,
  Green = 5,
  Blue,
}

enum Op {
  Add = 1,
  Sub = 2,
  Mul = 4,
}

class Planet {
  name: string;
  mass: float;
  moons: int;
  tags: string[];
  constructor(name: string, mass: float, moons: int, tags: string[]) {
    this.name = name;
    this.mass = mass;
    this.moons = moons;
    this.tags = tags;
  }
  describe(): string {
    return `${this.name}(${this.mass}, ${this.moons}) [${this.tags.join('/')}]`;
  }
}

class Config {
  static readonly VERSION: string = '1.2.3';
  static readonly LIMIT: int = 42;
  static readonly RATIO: float = 0.75;
  static readonly NAMES: string[] = ['x', 'y', 'z'];
  static double(n: int): int {
    return n * 2;
  }
}

class Counter {
  hits: int = 0;
  log: string[] = [];
}

const SQUARES: int[] = Array.from({ length: 20 }, (_, i) => i * i);
const PRIMES: int[] = (() => {
  const out: number[] = [];
  for (let n = 2; out.length < 25; n++) if (out.every((p) => n % p !== 0)) out.push(n);
  return out;
})();
const PLANETS: Planet[] = [
  new Planet('Mercury', 0.055, 0, ['rocky']),
  new Planet('Earth', 1.0, 1, ['rocky', 'home']),
  new Planet('Jupiter', 317.8, 95, ['gas', 'giant']),
];
const BY_NAME: Map<string, Planet> = new Map(PLANETS.map((p) => [p.name, p]));
const OPCODES: Map<int, string> = new Map([
  [Op.Add, 'add'],
  [Op.Sub, 'sub'],
  [Op.Mul, 'mul'],
]);
const GRID: int[][] = [
  [1, 2, 3],
  [4, 5, 6],
];
const GREETING = ['hello', 'world'].join(', ').toUpperCase();
const STATE = new Counter();
const SHARED = PLANETS[1];
const ALIAS: Planet[] = [SHARED, SHARED];
const EMPTY: string[] = [];
const FLAGS: boolean[] = [true, false, true];
const NEG_ZERO: float = -0;
const TABLE: Map<string, int[]> = new Map([
  ['a', [1, 2]],
  ['b', []],
]);

function bump(tag: string): void {
  STATE.hits++;
  STATE.log.push(tag);
}

export function main(argv: string[]): int {
  console.log('squares ' + SQUARES[19] + ' ' + SQUARES.length + ' primes ' + PRIMES[24] + ' ' + PRIMES.length);
  for (const p of PLANETS) console.log(p.describe());
  const e = BY_NAME.get('Earth');
  console.log('earth ' + (e === undefined ? 'none' : e.describe()) + ' same ' + (e === PLANETS[1]));
  console.log('missing ' + (BY_NAME.get('Pluto') === undefined));
  for (const k of OPCODES.keys()) console.log('op ' + k + ' ' + OPCODES.get(k));
  console.log('colors ' + Color.Red + ' ' + Color.Green + ' ' + Color.Blue);
  console.log('config ' + Config.VERSION + ' ' + Config.LIMIT + ' ' + Config.RATIO + ' ' + Config.NAMES.join('') + ' ' + Config.double(Config.LIMIT));
  console.log('grid ' + GRID[1][2] + ' ' + GREETING);
  bump('a');
  bump('b');
  bump('c');
  console.log('state ' + STATE.hits + ' ' + STATE.log.join(','));
  ALIAS[0].moons += 10;
  console.log('alias ' + ALIAS[1].moons + ' ' + PLANETS[1].moons + ' ' + (ALIAS[0] === ALIAS[1]));
  PLANETS.push(new Planet('Mars', 0.107, 2, []));
  console.log('planets ' + PLANETS.length + ' ' + PLANETS[3].describe());
  console.log('empty ' + EMPTY.length + ' flags ' + FLAGS[0] + FLAGS[1] + ' negzero ' + (1.0 / NEG_ZERO));
  TABLE.get('b')!.push(9);
  console.log('table ' + TABLE.get('a')!.length + ' ' + TABLE.get('b')![0]);
  console.log(colorName(Color.Blue) + ' ' + colorName(Color.Red) + ' ' + colorName(Color.Green));
  return Color.Blue;
}

function colorName(c: Color): string {
  switch (c) {
    case Color.Red:
      return 'red';
    case Color.Blue:
      return 'blue';
    default:
      return 'other';
  }
}
