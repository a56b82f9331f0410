from helper_mod import *
print(square(5), CONST)
