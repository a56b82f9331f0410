import atexit
import sys

atexit.register(print, "handler after sys.exit")
atexit.register(lambda: print("last registered, first run"))
print("exiting")
sys.exit(3)
