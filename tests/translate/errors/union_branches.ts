// expect: E_UNION
import { type int } from '../../../translate/rlib/index.ts';

function pick(flag: boolean): string | int {
  if (flag) return 'text';
  return 42;
}

export function main(argv: string[]): int {
  const v = pick(argv.length > 1);
  console.log(String(v));
  return 0;
}
