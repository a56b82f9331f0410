# Ctrl-C: the driver sends SIGINT to the process group each time a line "ready" arrives, which
# only happens if print(flush=True) and sys.stdout.flush() reach the pipe at once.
import sys

try:
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
except KeyboardInterrupt:
    print("caught")


def spin():
    while True:
        pass


try:
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    spin()
finally:
    print("finally ran")
