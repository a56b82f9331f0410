# platform: posix
# breakpoint() calls sys.breakpointhook; the default hook (sys.__breakpointhook__) picks the
# debugger from $PYTHONBREAKPOINT: "0" turns breakpoints off, "mod.fn" imports mod and calls fn,
# a dotless name is a builtin, and an unimportable name is warned about and ignored.
import os
import sys
import warnings

print(sys.breakpointhook is sys.__breakpointhook__)

seen = []


def hook(*args, **kws):
    seen.append((args, sorted(kws.items())))
    return 'ret'


sys.breakpointhook = hook
print(breakpoint(1, 2, a=3), seen)
sys.breakpointhook = sys.__breakpointhook__

os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'len'
print(breakpoint('abcd'))
os.environ['PYTHONBREAKPOINT'] = 'os.path.join'
print(breakpoint('a', 'b'))
for envar in ['.', '..', '.foo', 'foo.', '.int', 'int.', '.foo.bar', '..foo.bar', '/./',
              'nosuchbuiltin', 'nosuchmodule.nosuchcallable', 'os.nosuchfunction']:
    os.environ['PYTHONBREAKPOINT'] = envar
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        r = breakpoint()
    print(r, [(x.category.__name__, str(x.message)) for x in w])
del os.environ['PYTHONBREAKPOINT']

del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print('RuntimeError', e)
sys.breakpointhook = sys.__breakpointhook__
