// expect: E_ARGS
// message: Sub.label() declares parameter 'prefix' without a default, but a call at
// message: leaves it out and RTS fills in NAME (the base's default) where JS would pass undefined: give the override the same default (prefix: string = NAME), or leave the parameter out of the override
// Defaults are filled in at the call site: an override that keeps a defaulted parameter must keep its default.
import { type int } from '../../../translate/rlib/index.ts';

const NAME = 'anon';

class Base {
  label(prefix: string = NAME): string {
    return prefix + '!';
  }
}
class Sub extends Base {
  override label(prefix: string): string {
    return '[' + prefix + ']';
  }
}

export function main(argv: string[]): int {
  const objs: Base[] = [new Base(), new Sub()];
  for (const o of objs) console.log(o.label());
  return 0;
}
