import sys
print(sys.argv[0].endswith("sys_module.py"), type(sys.path), sys.version_info[0], sys.getrecursionlimit())
sys.stdout.write("direct\n")
print("to stderr", file=sys.stderr)
