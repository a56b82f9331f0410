# abort: yield
# A generator's loop that yields after a few instructions is not worth a trace entered once per
# item (jit_generator_yield_loops.py has longer ones): recording stops at the yield and the
# generator goes on.
def gen(n):
    for i in range(n):
        yield i * i

# (through map: sum and list would drain the generator, vm/interpreter/drain.ts)
print(sum(map(int, gen(20))), list(map(int, gen(5))))
