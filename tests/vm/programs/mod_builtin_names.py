# every name in sys.builtin_module_names imports, as that module
import sys
names = sys.builtin_module_names
mods = [__import__(n) for n in names]
print(all(isinstance(m, type(sys)) for m in mods), 'sys' in names, 'posix' in names, list(names) == sorted(names))
