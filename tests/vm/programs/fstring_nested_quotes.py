# f-string fields holding strings: triple-quoted strings (with the other quote inside), nested
# f-strings and nested replacement fields in format specs, '=' with whitespace around it, and
# 3.11's rejections (a backslash or '#' in the expression part).
x = 5
pi = 3.14159
name = 'eric'
print(f"{'''x'''}", f"{'''eric's'''}")
print(f'{"x" """eric"s""" "y"}', f'{"""x""" """eric"s""" """y"""}', f'{r"""x""" """eric"s"""}')
print(f'{f"{x}"}', f'''{f"""{x:>{x}}"""}''', f"{f'{name!r:^10}'}")
print(f'{pi:{x}.{x - 2}}', f'{pi:{f"{x}"}.2f}', f'{x:{"<"}{x}}|')
print(f'{x=}', f'{x =}', f'{x= }', f'{x = }', f'{pi=:.2f}', f'{name=!s:>8}')
print(f'{f"{pi=:.1f}":*^20}')
print(f'''{
3
=}''')
print(f'{0==1}', f'{0!=1}', f'{0<=1}', f'{"="}', f'{x:=10}', f'{(y:=7)}', y)
print(f"{'}'}", f"{'{'}", f'{ {1: 2}[1] }', f'{x:#x}')

errors = [
    "f'{\"\\\\n\"}'", "f'{#}'", "f'{x#}'", "f'{}'", "f'{ }'", "f'{x!z}'", "f'{x'", "f'}'",
    "f'{!r}'", "f'{ !r}'", "f'{:}'", "f'{=}'", "f'{='", "f'{3:{{>10}'", "f'{3!'", "f'x{'",
    "f'x{<'", "f'{i='", "f'{)#}'", "f'{3)+(4}'", "f'{*a}'", "f'{**a}'", "f'{!x:a}'",
    "f'{ :!}'", "f'{a!r=}'", "f'{x:{5}'", "f'{[}'", "f'{(}'", "f'{]}'", "f'{a)}'", "f'{{}'",
    "f'{x!}'", "f'{x!rr}'", "f'{x!r:'", "f'{x:'", "f'{x!r 3}'", "f'{x:{y:{z}}}'",
    "f'''{\t\x0c\n!a}'''", "f'{\"'", "(**a)",
]
for src in errors:
    try:
        eval(src)
        print(src, 'ok')
    except SyntaxError as e:
        print(repr(src), '->', e.msg)
