// expect: E_UNION
// message: the value of 'a && b' is a when a is falsy, else b
// `ref && bool` as a value (not a test) is the reference or the boolean: RTS needs one type.
import { type int } from '../../../translate/rlib/index.ts';

class Disk {
  constructor(public size: int) {}
}

export function main(argv: string[]): int {
  const top: Disk | null = argv.length > 5 ? new Disk(1) : null;
  const ok = top && top.size > 0;
  console.log(String(ok));
  return 0;
}
