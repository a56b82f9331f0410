// The one catalogue of translation errors. Stages throw RtsError with a code and message;
// whoever knows the location (the flow builder, the annotation solver) attaches it, and the
// CLI prints `file:line:col: error[CODE]: message` followed by the hint.
import { formatLoc, type Loc } from './model/graph.ts';

export const ERRORS = {
  E_UNSUPPORTED: { title: 'unsupported construct', hint: 'see docs/rts.md for the constructs RTS allows' },
  E_ANY: { title: "'any' is not RTS", hint: 'give the value a concrete type: int, float, string, boolean, a class, T[] or Map<K, V>' },
  E_DYNAMIC_PROP: { title: 'dynamic property', hint: 'declare the field on the class with a type; RTS objects have a fixed layout' },
  E_INT_FLOAT: { title: 'int and float mixed', hint: 'convert explicitly with toFloat(i) or toInt(x) from translate/rlib' },
  E_UNION: { title: 'types cannot be unified', hint: 'a variable, field, list item or parameter must hold one type (plus null for references)' },
  E_BLOCKED: { title: 'annotation cannot settle', hint: 'the value read here is never written anywhere in the program, so it has no type: write it, or declare the container type (new Map<K, V>(), const xs: T[] = [])' },
  E_NO_ATTR: { title: 'no such field or method', hint: 'declare it on the class (or a base class) of the value' },
  E_ARGS: { title: 'wrong arguments', hint: 'pass the declared parameters; those with a literal or module-level constant default may be left out' },
  E_MODULE_LET: { title: 'module-level let', hint: 'keep mutable global state in a field of a prebuilt object (a module-level const)' },
  E_CONST: { title: 'unsupported prebuilt constant', hint: 'prebuilt constants are numbers, strings, booleans, null, class instances, arrays and Maps of those' },
  E_ENTRY: { title: 'bad entry module', hint: 'the entry module must export `function main(argv: string[]): int`' },
  E_LOAD: { title: 'cannot load program', hint: 'run the program untranslated (tsx ENTRY.ts) to see the error' },
  E_TYPE: { title: 'type error', hint: 'fix what tsc reports (npx tsc --noEmit)' },
  E_COMPILE: { title: 'C compilation failed', hint: 'this is a translator bug or a missing toolchain: run `npx release doctor`' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class RtsError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public loc: Loc | null = null,
    public stage: string | null = null,
  ) {
    super(message);
  }

  /** Attaches a location unless a more precise one is already known. */
  at(loc: Loc | null): this {
    if (!this.loc && loc) this.loc = loc;
    return this;
  }

  format(): string {
    const where = this.loc ? `${formatLoc(this.loc)}: ` : '';
    const stage = this.stage ? ` (${this.stage})` : '';
    return `${where}error[${this.code}]: ${ERRORS[this.code].title}: ${this.message}${stage}\n  hint: ${ERRORS[this.code].hint}`;
  }
}

export function fail(code: ErrorCode, message: string, loc: Loc | null = null): never {
  throw new RtsError(code, message, loc);
}

/** Several errors found in one run (the annotator keeps going after the first). */
export class RtsErrors extends RtsError {
  constructor(public all: RtsError[]) {
    super(all[0].code, all[0].message, all[0].loc, all[0].stage);
  }

  override format(): string {
    const shown = this.all.slice(0, 50).map((e) => e.format());
    const more = this.all.length > 50 ? `\n... and ${this.all.length - 50} more` : '';
    return `${shown.join('\n')}${more}\n${this.all.length} errors`;
  }
}
