// instanceof narrowing, `as` downcasts, null narrowing, nullable fields and error classes.
import { type int, type float } from '../../../translate/rlib/index.ts';

abstract class Expr {
  abstract show(): string;
}
class Lit extends Expr {
  v: int;
  constructor(v: int) {
    super();
    this.v = v;
  }
  show(): string {
    return String(this.v);
  }
}
class FLit extends Expr {
  v: float;
  constructor(v: float) {
    super();
    this.v = v;
  }
  show(): string {
    return String(this.v) + 'f';
  }
}
class Add extends Expr {
  l: Expr;
  r: Expr;
  constructor(l: Expr, r: Expr) {
    super();
    this.l = l;
    this.r = r;
  }
  show(): string {
    return '(' + this.l.show() + ' + ' + this.r.show() + ')';
  }
}
class Neg extends Expr {
  e: Expr | null;
  constructor(e: Expr | null) {
    super();
    this.e = e;
  }
  show(): string {
    return this.e === null ? '-?' : '-' + this.e.show();
  }
}
class Mul extends Add {
  show(): string {
    return '(' + this.l.show() + ' * ' + this.r.show() + ')';
  }
}

function evalInt(e: Expr): int {
  if (e instanceof Lit) return e.v;
  if (e instanceof Mul) return evalInt(e.l) * evalInt(e.r);
  if (e instanceof Add) return evalInt(e.l) + evalInt(e.r);
  if (e instanceof Neg) {
    const inner = e.e;
    if (inner === null) return 0;
    return -evalInt(inner);
  }
  return -999;
}

function simplify(e: Expr): Expr {
  if (e instanceof Add && !(e instanceof Mul)) {
    const l = simplify(e.l);
    const r = simplify(e.r);
    if (l instanceof Lit && r instanceof Lit) return new Lit(l.v + r.v);
    if (l instanceof Lit && l.v === 0) return r;
    return new Add(l, r);
  }
  if (e instanceof Neg && e.e instanceof Neg) {
    const inner = (e.e as Neg).e;
    if (inner !== null) return simplify(inner);
  }
  return e;
}

function kinds(es: Expr[]): string {
  const out: string[] = [];
  for (const e of es) {
    let k = '?';
    if (e instanceof Lit) k = 'lit';
    else if (e instanceof FLit) k = 'flit';
    else if (e instanceof Mul) k = 'mul';
    else if (e instanceof Add) k = 'add';
    else if (e instanceof Neg) k = 'neg';
    out.push(k + (e instanceof Add ? '+' : ''));
  }
  return out.join(',');
}

class Holder {
  item: Expr | null = null;
  next: Holder | null = null;
}

export function main(argv: string[]): int {
  const e: Expr = new Add(new Mul(new Lit(3), new Lit(4)), new Neg(new Add(new Lit(0), new Lit(5))));
  console.log(e.show() + ' = ' + evalInt(e));
  const s = simplify(new Add(new Lit(0), new Neg(new Neg(new Add(new Lit(1), new Lit(2))))));
  console.log('simplified ' + s.show() + ' ' + (s instanceof Lit) + ' ' + (s instanceof Expr));
  console.log(kinds([new Lit(1), new FLit(2.5), new Mul(new Lit(1), new Lit(1)), new Add(new Lit(1), new Lit(1)), new Neg(null)]));
  const h = new Holder();
  h.next = new Holder();
  h.next.item = new FLit(0.5);
  let count = 0;
  let p: Holder | null = h;
  while (p !== null) {
    if (p.item !== null && p.item instanceof FLit) count += 10;
    if (p.item === null) count += 1;
    p = p.next;
  }
  const x: Expr = new Mul(new Lit(2), new Lit(8));
  const asAdd = x as Add;
  console.log('count ' + count + ' downcast ' + asAdd.l.show() + ' ' + (x as Mul).show());
  const maybe: Expr | null = argv.length > 5 ? new Lit(1) : null;
  console.log('maybe ' + (maybe === null ? 'null' : maybe.show()) + ' ' + (maybe instanceof Lit));
  return evalInt(e) % 256;
}
