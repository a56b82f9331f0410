# every name in sys.builtin_module_names imports, as that module
import sys
names = sys.builtin_module_names
mods = [__import__(n) for n in names]
print(all(m.__name__ == n for m, n in zip(mods, names)), 'sys' in names, 'posix' in names, list(names) == sorted(names))
