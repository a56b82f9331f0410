# A loop nest whose second inner loop calls a function with a long loop of its own (compiled
# too, and entered from inside the nest's machine code): once the nest's code has switched
# from its first inner loop to its second, a guard failing there after the call (true twice,
# too rare for a bridge) must still be read as the second loop's, whatever the call ran.
def inner(m):
    s = 0
    for q in range(m):
        s += q
    return s


def f(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < 15:
            total += j
            j += 1
        k = 0
        while k < 12:
            total += inner(k % 4 + 80)
            if total % 4001 == 5:
                total -= 1000
            k += 1
        i += 1
    return total


print(f(300))
