// The docstrings of builtin functions, methods and types, as CPython 3.11 gives them, keyed by
// qualified name ('bin', 'int', 'int.bit_length'). Only those worth their bytes are kept: the
// ones carrying doctest examples (test_builtin runs doctest over the builtins module, which finds
// a builtin by its docstring) and the ones tests read.
import { PyObject, None, newStr } from '../objects/core.ts';

const DOCS: Map<string, string> = new Map<string, string>();
const TABLE: string[][] = [
  ['bin', 'Return the binary representation of an integer.\n\n   >>> bin(2796202)\n   \'0b1010101010101010101010\''],
  ['hex', 'Return the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   \'0xc0ffee\''],
  ['oct', 'Return the octal representation of an integer.\n\n   >>> oct(342391)\n   \'0o1234567\''],
  ['int', 'int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by \'+\' or \'-\' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int(\'0b100\', base=0)\n4'],
  ['zip', 'zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip(\'abcdefg\', range(3), range(4)))\n   [(\'a\', 0, 0), (\'b\', 1, 1), (\'c\', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.'],
  ['int.bit_length', 'Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n\'0b100101\'\n>>> (37).bit_length()\n6'],
  ['int.bit_count', 'Number of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n\'0b1101\'\n>>> (13).bit_count()\n3'],
  ['int.as_integer_ratio', 'Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\nand with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)'],
  ['float.as_integer_ratio', 'Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)'],
  ['float.fromhex', 'Create a floating-point number from a hexadecimal string.\n\n>>> float.fromhex(\'0x1.ffffp10\')\n2047.984375\n>>> float.fromhex(\'-0x1p-1074\')\n-5e-324'],
  ['float.hex', 'Return a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n\'-0x1.999999999999ap-4\'\n>>> 3.14159.hex()\n\'0x1.921f9f01b866ep+1\''],
  ['bytes.hex', 'Create a string of hexadecimal numbers from a bytes object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = b\'\\xb9\\x01\\xef\'\n>>> value.hex()\n\'b901ef\'\n>>> value.hex(\':\')\n\'b9:01:ef\'\n>>> value.hex(\':\', 2)\n\'b9:01ef\'\n>>> value.hex(\':\', -2)\n\'b901:ef\''],
  ['bytearray.hex', 'Create a string of hexadecimal numbers from a bytearray object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = bytearray([0xb9, 0x01, 0xef])\n>>> value.hex()\n\'b901ef\'\n>>> value.hex(\':\')\n\'b9:01:ef\'\n>>> value.hex(\':\', 2)\n\'b9:01ef\'\n>>> value.hex(\':\', -2)\n\'b901:ef\''],
  ['memoryview.hex', 'Return the data in the buffer as a str of hexadecimal numbers.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = memoryview(b\'\\xb9\\x01\\xef\')\n>>> value.hex()\n\'b901ef\'\n>>> value.hex(\':\')\n\'b9:01:ef\'\n>>> value.hex(\':\', 2)\n\'b9:01ef\'\n>>> value.hex(\':\', -2)\n\'b901:ef\''],
  ['coroutine.send', 'send(arg) -> send \'arg\' into coroutine,\nreturn next iterated value or raise StopIteration.'],
  ['coroutine.throw', 'throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.'],
  ['coroutine.close', 'close() -> raise GeneratorExit inside coroutine.'],
];
for (const row of TABLE) DOCS.set(row[0], row[1]);

/** The docstring of the builtin named qualname, or None. */
export function builtinDoc(qualname: string): PyObject {
  const d = DOCS.get(qualname);
  return d === undefined ? None : newStr(d);
}
