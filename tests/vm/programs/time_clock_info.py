# time.get_clock_info: each clock's implementation, monotonic, adjustable and resolution facts
# (asyncio's event loop reads the monotonic clock's resolution).
import time

for name in ['time', 'monotonic', 'perf_counter', 'process_time']:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, 0 < info.resolution <= 0.001)
print(type(time.get_clock_info('time')).__name__)
for bad in ['nope', 1]:
    try:
        time.get_clock_info(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
