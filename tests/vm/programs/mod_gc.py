import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(isinstance(gc.collect(), int), isinstance(gc.collect(2), int))
print(gc.get_threshold() == gc.get_threshold(), len(gc.get_threshold()))
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}))
print(gc.garbage, gc.callbacks)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError")
