// A JSON tokenizer and recursive-descent parser over text built in the program: string
// scanning with one-character comparisons and substring.
import { type int } from '../../../translate/rlib/index.ts';

abstract class JValue {
  abstract weight(): int;
}
class JNum extends JValue {
  constructor(public v: int) {
    super();
  }
  weight(): int {
    return this.v;
  }
}
class JStr extends JValue {
  constructor(public s: string) {
    super();
  }
  weight(): int {
    return this.s.length;
  }
}
class JArr extends JValue {
  items: JValue[] = [];
  weight(): int {
    let w = 1;
    for (const x of this.items) w += x.weight();
    return w;
  }
}
class JObj extends JValue {
  keys: string[] = [];
  values: JValue[] = [];
  weight(): int {
    let w = 2;
    for (let i = 0; i < this.keys.length; i++) w += this.keys[i].length + this.values[i].weight();
    return w;
  }
}

class Parser {
  pos: int = 0;
  constructor(public text: string) {}
  peek(): string {
    return this.text.substring(this.pos, this.pos + 1);
  }
  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === ' ' || c === '\n' || c === '\t') this.pos++;
      else return;
    }
  }
  expect(c: string): void {
    this.skipSpace();
    if (this.peek() !== c) throw new Error('expected ' + c + ' at ' + this.pos);
    this.pos++;
  }
  value(): JValue {
    this.skipSpace();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return new JStr(this.str());
    return this.num();
  }
  str(): string {
    this.expect('"');
    const start = this.pos;
    while (this.peek() !== '"') this.pos++;
    const s = this.text.substring(start, this.pos);
    this.pos++;
    return s;
  }
  num(): JNum {
    let v = 0;
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c < '0' || c > '9') break;
      v = v * 10 + (c.charCodeAt(0) - 48);
      this.pos++;
    }
    return new JNum(v);
  }
  array(): JArr {
    this.expect('[');
    const a = new JArr();
    this.skipSpace();
    if (this.peek() === ']') {
      this.pos++;
      return a;
    }
    for (;;) {
      a.items.push(this.value());
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c === ']') return a;
    }
  }
  object(): JObj {
    this.expect('{');
    const o = new JObj();
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      return o;
    }
    for (;;) {
      this.skipSpace();
      o.keys.push(this.str());
      this.expect(':');
      o.values.push(this.value());
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c === '}') return o;
    }
  }
}

function document(n: int): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`{"id": ${i}, "name": "item${i}", "tags": ["a", "bb", "ccc"], "pos": [${i % 7}, ${i % 11}, ${i % 13}]}`);
  return '[\n  ' + parts.join(',\n  ') + '\n]';
}

export function main(argv: string[]): int {
  const rounds = argv.length > 0 && argv[0] === 'bench' ? 60 : 2;
  const text = document(2000);
  let total = 0;
  for (let r = 0; r < rounds; r++) total += new Parser(text).value().weight();
  console.log('json ' + text.length + ' ' + total);
  return 0;
}
