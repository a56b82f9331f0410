"""Precompiles Python source trees into pyvm's bytecode cache (run under pyvm, not CPython).

    pyvm scripts/pyvm-precompile.py [-q] DIR_OR_FILE...

Writes DIR/__pycache__/NAME.pyvm-311.pyc next to every NAME.py below each argument, the files
pyvm's importer reads (vm/interpreter/importer.ts): an installed pyvm does, a development tree
with PYVM_PYCACHE=1. They are keyed by the binary's build id, so only the pyvm that wrote them
loads them; `release build` runs this with each target's own binary over the staged library
(release/precompile.ts). The files hold no mtimes (the header carries the source's length and
hash), so a build is reproducible. Sources
that do not compile (the library's deliberately broken test files) are listed and skipped.
Exit status: 0, or 1 when a file could not be written.
"""
import os
import sys
import _imp


def sources(top):
    if os.path.isfile(top):
        yield top
        return
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d != '__pycache__')
        for f in sorted(filenames):
            if f.endswith('.py'):
                yield os.path.join(dirpath, f)


def main(argv):
    quiet = '-q' in argv
    tops = [a for a in argv if a != '-q']
    if not tops:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    written = skipped = failed = 0
    for top in tops:
        for path in sources(os.path.abspath(top)):
            try:
                ok = _imp._pyvm_precompile(path)
            except (SyntaxError, ValueError, UnicodeError, RecursionError, MemoryError) as e:
                skipped += 1
                if not quiet:
                    print(f'skipped {path}: {type(e).__name__}: {e}', file=sys.stderr)
                continue
            if ok:
                written += 1
            else:
                failed += 1
                print(f'could not write the cache of {path}', file=sys.stderr)
    if not quiet:
        print(f'{written} written, {skipped} skipped (do not compile), {failed} failed', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
