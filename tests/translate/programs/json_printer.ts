// A JSON-like value model with a pretty printer and a parser (round trip).
import { type int, type float, floatRepr, parseFloatStrict, StringBuilder, toFloat } from '../../../translate/rlib/index.ts';

abstract class JValue {
  abstract write(sb: StringBuilder, indent: int): void;
}
class JNull extends JValue {
  write(sb: StringBuilder, indent: int): void {
    sb.append('null');
  }
}
class JBool extends JValue {
  v: boolean;
  constructor(v: boolean) {
    super();
    this.v = v;
  }
  write(sb: StringBuilder, indent: int): void {
    sb.append(this.v ? 'true' : 'false');
  }
}
class JNum extends JValue {
  v: float;
  constructor(v: float) {
    super();
    this.v = v;
  }
  write(sb: StringBuilder, indent: int): void {
    sb.append(String(this.v));
  }
}
class JStr extends JValue {
  v: string;
  constructor(v: string) {
    super();
    this.v = v;
  }
  write(sb: StringBuilder, indent: int): void {
    sb.append(quote(this.v));
  }
}
class JArr extends JValue {
  items: JValue[] = [];
  write(sb: StringBuilder, indent: int): void {
    if (this.items.length === 0) {
      sb.append('[]');
      return;
    }
    sb.append('[\n');
    for (let i = 0; i < this.items.length; i++) {
      sb.append('  '.repeat(indent + 1));
      this.items[i].write(sb, indent + 1);
      sb.append(i + 1 < this.items.length ? ',\n' : '\n');
    }
    sb.append('  '.repeat(indent) + ']');
  }
}
class JObj extends JValue {
  fields: Map<string, JValue> = new Map<string, JValue>();
  write(sb: StringBuilder, indent: int): void {
    if (this.fields.size === 0) {
      sb.append('{}');
      return;
    }
    sb.append('{\n');
    let i = 0;
    for (const k of this.fields.keys()) {
      sb.append('  '.repeat(indent + 1) + quote(k) + ': ');
      this.fields.get(k)!.write(sb, indent + 1);
      i++;
      sb.append(i < this.fields.size ? ',\n' : '\n');
    }
    sb.append('  '.repeat(indent) + '}');
  }
}

function hex4(n: int): string {
  const digits = '0123456789abcdef';
  return digits[(n >> 12) & 15] + digits[(n >> 8) & 15] + digits[(n >> 4) & 15] + digits[n & 15];
}

function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c < 32 || c > 126) out += '\\u' + hex4(c);
    else out += s[i];
  }
  return out + '"';
}

class ParseError extends Error {}

class JParser {
  s: string;
  i: int = 0;
  constructor(s: string) {
    this.s = s;
  }
  ch(i: int): string {
    return i < this.s.length ? this.s[i] : '';
  }
  ws(): void {
    while (this.i < this.s.length && ' \n\t\r'.includes(this.ch(this.i))) this.i++;
  }
  value(): JValue {
    this.ws();
    if (this.i >= this.s.length) throw new ParseError('unexpected end');
    const c = this.ch(this.i);
    if (c === '{') {
      this.i++;
      const o = new JObj();
      this.ws();
      if (this.ch(this.i) === '}') {
        this.i++;
        return o;
      }
      for (;;) {
        this.ws();
        const k = this.str();
        this.ws();
        if (this.ch(this.i) !== ':') throw new ParseError('expected : at ' + this.i);
        this.i++;
        o.fields.set(k, this.value());
        this.ws();
        if (this.ch(this.i) === ',') {
          this.i++;
          continue;
        }
        if (this.ch(this.i) === '}') {
          this.i++;
          return o;
        }
        throw new ParseError('expected , or } at ' + this.i);
      }
    }
    if (c === '[') {
      this.i++;
      const a = new JArr();
      this.ws();
      if (this.ch(this.i) === ']') {
        this.i++;
        return a;
      }
      for (;;) {
        a.items.push(this.value());
        this.ws();
        if (this.ch(this.i) === ',') {
          this.i++;
          continue;
        }
        if (this.ch(this.i) === ']') {
          this.i++;
          return a;
        }
        throw new ParseError('expected , or ] at ' + this.i);
      }
    }
    if (c === '"') return new JStr(this.str());
    if (this.s.startsWith('true', this.i)) {
      this.i += 4;
      return new JBool(true);
    }
    if (this.s.startsWith('false', this.i)) {
      this.i += 5;
      return new JBool(false);
    }
    if (this.s.startsWith('null', this.i)) {
      this.i += 4;
      return new JNull();
    }
    const st = this.i;
    while (this.i < this.s.length && '+-0123456789.eE'.includes(this.ch(this.i))) this.i++;
    const f = parseFloatStrict(this.s.slice(st, this.i));
    if (Number.isNaN(f)) throw new ParseError('bad number at ' + st);
    return new JNum(f);
  }
  str(): string {
    if (this.ch(this.i) !== '"') throw new ParseError('expected string at ' + this.i);
    this.i++;
    let out = '';
    while (this.ch(this.i) !== '"') {
      if (this.i >= this.s.length) throw new ParseError('unterminated string');
      if (this.ch(this.i) === '\\') {
        const e = this.ch(this.i + 1);
        if (e === 'n') out += '\n';
        else if (e === 'u') {
          let v = 0;
          for (let k = 0; k < 4; k++) v = v * 16 + '0123456789abcdef'.indexOf(this.ch(this.i + 2 + k));
          out += String.fromCharCode(v);
          this.i += 4;
        } else out += e;
        this.i += 2;
      } else {
        out += this.ch(this.i);
        this.i++;
      }
    }
    this.i++;
    return out;
  }
}

function dump(v: JValue): string {
  const sb = new StringBuilder();
  v.write(sb, 0);
  return sb.build();
}

export function main(argv: string[]): int {
  const root = new JObj();
  root.fields.set('name', new JStr('pyvm "rts"\nline2 é☃'));
  root.fields.set('version', new JNum(1.5));
  root.fields.set('tiny', new JNum(1e-7));
  root.fields.set('big', new JNum(1e21));
  root.fields.set('ok', new JBool(true));
  root.fields.set('nothing', new JNull());
  const arr = new JArr();
  for (let i = 0; i < 4; i++) arr.items.push(new JNum(toFloat(i) * 0.1 + 0.2));
  arr.items.push(new JArr());
  arr.items.push(new JObj());
  root.fields.set('list', arr);
  const text = dump(root);
  console.log(text);
  const back = new JParser(text).value();
  const text2 = dump(back);
  console.log('round trip equal ' + (text === text2));
  const bad = ['{"a" 1}', '[1, 2', '{"x": [tru]}', '-', '"abc"', '"open', '{"k": [1, {}, []], "z": "\\u263a"}'];
  let errors = 0;
  for (const b of bad) {
    try {
      console.log('parsed ' + dump(new JParser(b).value()));
    } catch (e) {
      if (e instanceof ParseError) {
        errors++;
        console.log('error: ' + e.message);
      } else {
        console.log('other error');
      }
    }
  }
  console.log(floatRepr(0.30000000000000004));
  return errors;
}
