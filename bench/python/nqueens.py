# N-queens: enumerate every solution of the n-queens puzzle with a recursive
# generator (sets for attacked columns/diagonals), then canonicalise the
# solutions under the board's symmetries to count the distinct ones.


def solve(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            yield from place(row + 1)
            placed.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    return place(0)


def symmetries(sol):
    n = len(sol)
    cells = [(r, c) for r, c in enumerate(sol)]
    out = []
    for _ in range(4):
        cells = [(c, n - 1 - r) for r, c in cells]
        out.append(cells)
        out.append([(r, n - 1 - c) for r, c in cells])
    result = []
    for cs in out:
        board = [0] * n
        for r, c in cs:
            board[r] = c
        result.append(tuple(board))
    return result


def main():
    for n in (6, 7, 8, 9, 10, 11):
        for _ in range(2):
            sols = list(solve(n))
            distinct = {min(symmetries(s)) for s in sols}
        print(f"nqueens: n={n} solutions={len(sols)} distinct={len(distinct)} first={sols[0]}")


main()
