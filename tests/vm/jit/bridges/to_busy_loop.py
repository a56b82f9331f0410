# A loop nest whose second inner loop calls the function again, one level down: there the
# first loop's exit bridge into the second finds it running in the outer call (its jitframe
# holds that call's values), so the code hands the frame to the JIT instead of jumping in.
def f(n, depth):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < 20:
            total += j * (depth + 1)
            j += 1
        k = 0
        while k < 10:
            if depth > 0 and k == 5:
                total += f(n, depth - 1)
            total -= k
            k += 1
        i += 1
    return total


print(f(40, 1))
print(f(12, 2))
