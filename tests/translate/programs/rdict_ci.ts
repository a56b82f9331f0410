// RDict with case-insensitive string keys.
import { type int, RDict, type KeyOps, StringBuilder } from '../../../translate/rlib/index.ts';

class Count {
  n: int = 1;
}

class LowerOps implements KeyOps<string> {
  hash(s: string): int {
    let h = 0;
    const l = s.toLowerCase();
    for (let i = 0; i < l.length; i++) h = (h * 33 + l.charCodeAt(i)) | 0;
    return h;
  }
  eq(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
  }
}

export function main(argv: string[]): int {
  const ci = new RDict<string, Count>(new LowerOps());
  const words = ['Apple', 'apple', 'APPLE', 'Banana', 'banana', 'cherry'];
  for (const w of words) {
    const old = ci.get(w);
    if (old === null) ci.set(w, new Count());
    else old.n++;
  }
  const sb = new StringBuilder();
  for (const k of ci.keyList()) {
    sb.append(k);
    sb.append('=');
    sb.append(String(ci.get(k)!.n));
    sb.append(' ');
  }
  console.log(sb.build());
  return ci.size();
}
