import helper_mod
print(helper_mod.CONST, hasattr(helper_mod, "square"), "square" in dir(helper_mod))
helper_mod.CONST = 7
import helper_mod as again
print(again.CONST)
