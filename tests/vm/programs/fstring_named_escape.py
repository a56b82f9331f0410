# The braces of a \N{...} escape in an f-string's literal part are not a replacement field
# (the VM used to loop until out of memory on them).
x = 2
print(f'\N{BULLET} {x} \N{EM DASH}')
print(f'{x}\N{BULLET}{{}}')
print(f'\x7b1+1}}', f'\u007b1+1')
