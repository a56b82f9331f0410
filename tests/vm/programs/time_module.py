import time
t0 = time.time()
p0 = time.perf_counter()
x = sum(range(1000))
print(x, time.time() >= t0, time.perf_counter() >= p0, type(time.time()).__name__)
