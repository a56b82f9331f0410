# Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
# by power iteration. Nested loops, float division, generator expressions.
import math


def eval_a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times_u(u):
    n = len(u)
    return [sum(eval_a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_transp_u(u):
    n = len(u)
    return [sum(eval_a(j, i) * u[j] for j in range(n)) for i in range(n)]


def times_at_a_u(u):
    return times_transp_u(times_u(u))


def main():
    n = 300
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_at_a_u(u)
        u = times_at_a_u(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print(f"spectral_norm: n={n} {math.sqrt(vbv / vv):.9f}")


main()
