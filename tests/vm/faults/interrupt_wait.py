# Ctrl-C while waiting: in input() (a blocking read of stdin, which stays open) and in
# time.sleep(); translated only (untranslated, Node's read blocks the worker's thread).
import time

try:
    print("ready", flush=True)
    input()
except KeyboardInterrupt:
    print("caught in input")
print("ready", flush=True)
time.sleep(1000)
