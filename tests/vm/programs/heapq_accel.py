# The _heapq accelerator: results, argument errors, comparison order and a heap changed by a
# comparison, against CPython's C module.
import _heapq
import random


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


rng = random.Random(7)
data = [rng.randrange(100) for _ in range(60)]
h = []
for x in data:
    _heapq.heappush(h, x)
print(h)
print([_heapq.heappop(h) for _ in range(len(h))])

h = list(data)
_heapq.heapify(h)
print(h)
print(_heapq.heapreplace(h, 50), _heapq.heappushpop(h, 3), _heapq.heappushpop(h, 99), h[:5])
print(_heapq.heappushpop([], 4))

m = list(data)
_heapq._heapify_max(m)
print(m)
print(_heapq._heappop_max(m), _heapq._heapreplace_max(m, 10), m[:5])

# the cache-friendly order of heapify for big heaps: equal keys land in CPython's places
class Key:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

big = [Key(rng.randrange(20), i) for i in range(3000)]
_heapq.heapify(big)
print([k.tag for k in big[:40]])
print([_heapq.heappop(big).tag for _ in range(20)])

# the comparisons each function makes, in order
log = []

class Traced:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v

t = [Traced(v) for v in [5, 3, 8, 1, 9, 2]]
_heapq.heapify(t)
_heapq.heappush(t, Traced(0))
_heapq.heappop(t)
_heapq._heapify_max(t)
print(log)

show(lambda: _heapq.heappush([1]))
show(lambda: _heapq.heappush(1, 2))
show(lambda: _heapq.heappush((), 2))
show(lambda: _heapq.heappop(1))
show(lambda: _heapq.heappop())
show(lambda: _heapq.heappop([], x=1))
show(lambda: _heapq.heappush([], 1, x=2))
show(lambda: _heapq.heappop([]))
show(lambda: _heapq.heapreplace([], 1))
show(lambda: _heapq._heappop_max([]))
show(lambda: _heapq.heapify(None))
show(lambda: _heapq.heappush([1, 'a'], 2))
show(lambda: _heapq.heappush([object()], object()))

# a comparison that empties the heap
class Clearer:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return False

for name in ['heappush', 'heappushpop', 'heapreplace']:
    heap = []
    heap.extend(Clearer(heap) for _ in range(5))
    show(lambda: type(getattr(_heapq, name)(heap, Clearer(heap))).__name__)
heap = []
heap.extend(Clearer(heap) for _ in range(5))
show(lambda: _heapq.heappop(heap))
heap = []
heap.extend(Clearer(heap) for _ in range(5))
show(lambda: _heapq.heapify(heap))

class Pusher:
    def __lt__(self, other):
        heap.append(1)
        return False

heap = [Pusher() for _ in range(3)]
show(lambda: _heapq.heappush(heap, Pusher()))
print(_heapq.heappush.__module__, _heapq.heappush.__name__)
