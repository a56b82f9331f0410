import helper_mod
from helper_mod import square, CONST as C
import helper_mod as hm
print(helper_mod.square(3), square(4), C, hm.greet("x"), helper_mod.__name__)
