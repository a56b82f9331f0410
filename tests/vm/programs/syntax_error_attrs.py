# a SyntaxError from the compiler has every attribute CPython's has (traceback reads them)
try:
    compile('x = (1,\n', 'f', 'exec')
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.text is None or isinstance(e.text, str), hasattr(e, 'end_lineno'), hasattr(e, 'end_offset'), e.print_file_and_line)
try:
    compile('a b', 'g', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.print_file_and_line)
    import traceback
    print(traceback.format_exception_only(SyntaxError, e)[-1].strip())
