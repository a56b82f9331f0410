// The CPython regression-test modules pyvm is measured with (Debian's libpython3.11-testsuite),
// in two groups: the standard library's (issue 15) and the language's and builtin types' (issue
// 16). Names are modules of the `test` package, as `python -m unittest test.<name>` takes them.

export const GROUPS: Record<string, readonly string[]> = {
  stdlib: [
    'test_collections', 'test_itertools', 'test_functools', 'test_operator', 'test_re', 'test_json',
    'test_struct', 'test_heapq', 'test_bisect', 'test_copy', 'test_string', 'test_textwrap', 'test_enum',
    'test_dataclasses', 'test_fnmatch', 'test_glob', 'test_base64', 'test_binascii', 'test_statistics',
    'test_fractions', 'test_difflib', 'test_pprint', 'test_weakref', 'test_os', 'test_io', 'test_pathlib',
  ],
  language: [
    'test_grammar', 'test_types', 'test_int', 'test_long', 'test_float', 'test_complex', 'test_bool',
    'test_list', 'test_tuple', 'test_dict', 'test_set', 'test_unicode', 'test_bytes', 'test_memoryview',
    'test_class', 'test_descr', 'test_scope', 'test_generators', 'test_coroutines', 'test_asyncgen',
    'test_exceptions', 'test_exception_group', 'test_except_star', 'test_patma', 'test_with',
    'test_contextlib', 'test_fstring', 'test_format', 'test_unpack', 'test_unpack_ex', 'test_builtin',
    'test_slice', 'test_range', 'test_enumerate', 'test_iter', 'test_super', 'test_property', 'test_raise',
    'test_keywordonlyarg', 'test_positional_only_arg', 'test_named_expressions', 'test_sort',
    'test_userdict', 'test_userlist', 'test_userstring', 'test_array',
    // asyncio: the parts that need no subprocesses and no real network
    'test_asyncio.test_tasks', 'test_asyncio.test_queues', 'test_asyncio.test_locks',
    'test_asyncio.test_timeouts', 'test_asyncio.test_runners',
  ],
};

export const GROUP_NAMES = Object.keys(GROUPS);
