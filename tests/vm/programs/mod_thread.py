# _thread: locks, RLock, identity, thread-locals, in a VM that runs one thread
import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError', e)
with lock:
    print('inside', lock.locked())
print('after', lock.locked())
for bad in (lambda: lock.acquire(False, 1), lambda: lock.acquire(True, -5)):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release()
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)
with r:
    with r:
        print('nested', r._recursion_count())
print(isinstance(_thread.get_ident(), int), _thread.get_ident() == _thread.get_ident(), _thread.error is RuntimeError)
print(_thread.TIMEOUT_MAX > 1e9, _thread._count(), isinstance(lock, _thread.LockType))
loc = _thread._local()
loc.x = 5
print(loc.x, hasattr(loc, 'y'))
class MyLocal(_thread._local):
    def __init__(self, v):
        self.v = v
print(MyLocal(7).v)
s = _thread._set_sentinel()
print(type(s).__name__, s.locked())
try:
    raise _thread.error('boom')
except RuntimeError as e:
    print('caught', e)
