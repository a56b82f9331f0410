import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  console.log('hello ' + argv.length + ' ' + argv[0]);
  return 3;
}
