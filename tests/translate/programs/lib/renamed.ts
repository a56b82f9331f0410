// Generics re-exported under other names (for generics_renamed.ts).
import { type int } from '../../../../translate/rlib/index.ts';
export { Vec as Seq } from './containers.ts';

export function firstOf<T>(xs: T[], fallback: T): T {
  return xs.length > 0 ? xs[0] : fallback;
}

export class Box<T> {
  constructor(public value: T) {}
  with(v: T): Box<T> {
    return new Box<T>(v);
  }
}

export const SIZE: int = 2;
