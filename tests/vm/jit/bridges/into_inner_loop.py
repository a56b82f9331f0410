# An outer loop whose body begins with an inner loop that compiles first: the outer loop's
# recording reaches the inner loop's back edge and ends there (an entry trace, whose FINISH
# hands the frame to the inner loop: linked, the code jumps into it), and the inner loop's exit
# bridge goes round the outer loop into the entry trace. The nest then runs from trace to
# trace without coming back to the interpreter (fannkuch's shape).
def f(n):
    total = 0
    i = 0
    while i < n:
        j = i % 7
        while j < 20:
            total += j
            j += 1
        if i % 3 == 0:
            total -= 1
        i += 1
    return total


def g(n):
    # the entry trace's guard fails when the inner loop is skipped: its bridge goes on round
    # the outer loop
    out = []
    i = 0
    while i < n:
        j = i % 5
        while j < 3:
            out.append(j)
            j += 1
        i += 1
    return len(out), sum(out)


print(f(2000))
print(g(2000))
