# A coroutine records where it was made (cr_origin) to the depth sys.set_coroutine_origin_tracking_depth
# sets; one collected unawaited warns "was never awaited" (with that origin), one suspended is closed,
# and a warning turned error is reported as unraisable.
import sys, gc, warnings
async def corofn():
    pass
def a1():
    return corofn()
c = corofn()
print(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(2)
c = a1()
print([(f.split('/')[-1], l, n) for f, l, n in c.cr_origin])
c.close()
sys.set_coroutine_origin_tracking_depth(0)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    corofn()
    gc.collect()
    print([str(x.message) for x in w])
sys.set_coroutine_origin_tracking_depth(1)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    a1()
    gc.collect()
    print([str(x.message).replace(__file__, 'F') for x in w])
sys.set_coroutine_origin_tracking_depth(0)
# awaited or closed coroutines do not warn
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c = corofn(); c.close(); del c
    c = corofn()
    try: c.send(None)
    except StopIteration: pass
    del c
    gc.collect()
    print(len(w))
# a suspended coroutine is closed
import types
@types.coroutine
def sus():
    try:
        yield 1
    finally:
        print('closed')
async def outer():
    await sus()
c = outer(); c.send(None); del c
gc.collect()
def hook(u):
    print('unraisable', u.exc_type.__name__, u.object.__qualname__)
sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.filterwarnings('error')
    corofn()
    gc.collect()
