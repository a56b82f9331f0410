import threading
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
lock = threading.Lock()
with lock:
    print(lock.locked())
rl = threading.RLock()
with rl:
    with rl:
        print("rlock nested")
ev = threading.Event()
print(ev.is_set()); ev.set(); print(ev.wait(0))
cond = threading.Condition()
with cond:
    print(cond.wait(0.01))
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
local = threading.local()
local.x = 5
print(local.x, threading.active_count(), threading.get_ident() > 0)
print(threading.excepthook is not None, threading.ExceptHookArgs)
b = threading.Barrier(1)
print(b.wait())
t = threading.Timer(1.0, print)
print(t.daemon)
import sys
# the hook's report goes to sys.stderr
import io
sys.stderr = io.StringIO()
try:
    raise ValueError("in a thread")
except ValueError as e:
    args = threading.ExceptHookArgs((type(e), e, e.__traceback__, threading.current_thread()))
print(args.exc_type.__name__, args.thread.name, len(args))
threading.excepthook(args)
threading.excepthook(threading.ExceptHookArgs((SystemExit, SystemExit(1), None, None)))
report = sys.stderr.getvalue().splitlines()
sys.stderr = sys.__stderr__
print(report[0], report[1], report[-1], len(report))
print("end")
