# compile(), exec() and eval() take any bytes-like source, decoded as the tokenizer does: a UTF-8
# BOM dropped, a coding declaration honoured, undecodable bytes a SyntaxError; unknown flags are
# a ValueError.
print(compile(memoryview(b"text"), "name", "exec").co_names)
print(compile(bytearray(b"x = 1"), "name", "exec").co_names)
print(eval(b'\xef\xbb\xbfa', {'a': 1}))
exec(b'# -*- coding: latin-1 -*-\nprint("\xe5")')
exec('print("\xe5")'.encode())
for src in (b'\xef\xbba', b'\xff = 1'):
    try:
        eval(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
try:
    compile('a\0', 'bad.py', 'exec')
except SyntaxError as e:
    print(e.args, e.filename, e.lineno)
for flags in (0xff, 0x20000, 0x200, 0x400000):
    try:
        compile('x', 's', 'eval', flags)
        print('ok', hex(flags))
    except ValueError as e:
        print(e)
