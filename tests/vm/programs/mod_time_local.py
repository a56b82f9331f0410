# time: struct_time, gmtime/localtime/mktime/strftime/asctime/ctime, in whatever zone the
# machine has (CPython and pyvm read the same TZ and zoneinfo).
import time

stamps = [0, 86399, 951782400, 1700000000, -1, -86401, 4102444800, 1e9 + 0.7, 1719792000, 1735603200]
for s in stamps:
    g = time.gmtime(s)
    l = time.localtime(s)
    print(tuple(g), g.tm_zone, g.tm_gmtoff)
    print(tuple(l), l.tm_zone, l.tm_gmtoff, time.mktime(l) == int(s // 1))
    print(time.strftime('%a %A %b %B %c|%d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %Z %z %% %e %F %T %G %V %u %C %D %R %h', g))
    print(time.asctime(g), '|', time.ctime(s))

print(type(time.timezone).__name__, type(time.daylight).__name__, len(time.tzname))
print(time.timezone == -time.localtime(time.mktime((2024, 1, 15, 12, 0, 0, 0, 0, -1))).tm_gmtoff or time.daylight == 1)
print(time.strftime('%Y-%m-%d', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0),
            (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0)]:
    try:
        time.strftime('%Y', bad)
    except ValueError as e:
        print('ValueError:', e)
for bad in [(1, 2), 'x', [2020, 1, 1, 0, 0, 0, 0, 1, 0]]:
    try:
        time.strftime('%Y', bad)
    except TypeError as e:
        print('TypeError:', e)

st = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(st, st.tm_year, st[1], st[-1], len(st), st[:3])
print(repr(time.gmtime(0)))
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
# mktime normalises out-of-range fields as C does
print(time.gmtime(time.mktime((2021, 14, 1, 12, 0, 0, 0, 0, -1)))[:2])
print(time.localtime(time.mktime((2021, 3, 0, 12, 0, 0, 0, 0, -1)))[:3])
n = time.time_ns()
print(type(n).__name__, abs(n / 1e9 - time.time()) < 5)
print(type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__)
lt = time.localtime()
print(len(lt), lt.tm_year >= 2024, time.strftime('%Y') == str(lt.tm_year))
