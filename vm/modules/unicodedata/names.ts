// \N{name} escapes in source resolved through the unicodedata module. Installed by the VM's
// resetState (vm/main.ts), not from module.ts: the module registry is reached from the parser's own
// imports, so a class extending the parser's CharNames there would be defined before it.
import { PyStr, newStr, False } from '../../objects/core.ts';
import { dictGetS } from '../../objects/dict.ts';
import { loadModule } from '../../interpreter/importer.ts';
import { callObj } from '../../interpreter/runtime.ts';
import { CharNames, CHAR_NAMES } from '../../parser/parser.ts';

/** \N{name} escapes in source resolved through this module's _lookup (aliases yes, named
 * sequences no, as CPython's unicode_escape decoder). */
class UnicodedataNames extends CharNames {
  override lookup(name: string): string | null {
    const fn = dictGetS(loadModule('unicodedata').dict, '_lookup');
    if (fn === null) return null;
    const r = callObj(fn, [newStr(name), False], null);
    return r instanceof PyStr ? r.s : null;
  }
}
/** Makes the parser resolve \N{name} through unicodedata (once per VM state). */
export function installCharNames(): void {
  CHAR_NAMES.names = new UnicodedataNames();
}
