# Fannkuch-redux: for every permutation of 0..n-1 count the pancake flips
# needed to bring 0 to the front; report the alternating checksum and the
# maximum. List slicing/reversal, index juggling, while/else loops.


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    parity = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if parity else flips
        # next permutation: rotate prefixes until a counter is still positive
        while r != n:
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return checksum, max_flips
        parity ^= 1


def main():
    c7, f7 = fannkuch(7)
    assert (c7, f7) == (228, 16), (c7, f7)
    n = 9
    checksum, flips = fannkuch(n)
    print(f"fannkuch: n={n} checksum={checksum} max_flips={flips}")


main()
