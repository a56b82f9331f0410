try:
    import nonexistent_module_xyz
except ImportError as e:
    print("ImportError:", e)
import math as m
print(m.floor(2.7))
