// The _json module (json's accelerator, which test.test_json and json itself import): CPython's
// _json.c semantics written at app level. Differences from json's pure-Python fallbacks that
// callers see are kept: the functions and types say they come from _json, the scanner reads its
// context's settings once when made, make_encoder checks its arguments, scanstring's messages are
// the C ones, numbers take ASCII digits only, and JSONDecodeError is looked up in json.decoder
// when raised (so a fresh json package's errors are the ones sys.modules holds).
import { PyModule } from '../objects/core.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';

const JSON_SOURCE = String.raw`
import re as _re
import sys as _sys

def _error(msg, s, pos):
    return _sys.modules['json.decoder'].JSONDecodeError(msg, s, pos)

_CHUNK = _re.compile(r'([^"\\\x00-\x1f]*)(["\\\x00-\x1f])', _re.DOTALL)
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'

def _hex4(s, pos, errpos):
    esc = s[pos:pos + 4]
    if len(esc) != 4 or not all(c in _HEX for c in esc):
        raise _error('Invalid \\uXXXX escape', s, errpos)
    return int(esc, 16)

def _scanstring(s, end, strict):
    begin = end - 1
    if end < 0 or end > len(s):
        raise ValueError('end is out of bounds')
    chunks = []
    append = chunks.append
    n = len(s)
    while True:
        m = _CHUNK.match(s, end)
        if m is None:
            raise _error('Unterminated string starting at', s, begin)
        content, term = m.groups()
        if content:
            append(content)
        end = m.end()
        if term == '"':
            break
        if term != '\\':
            if strict:
                raise _error('Invalid control character at', s, end - 1)
            append(term)
            continue
        if end >= n:
            raise _error('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            c = _BACKSLASH.get(esc)
            if c is None:
                raise _error('Invalid \\escape', s, end - 1)
            append(c)
            end += 1
            continue
        # \uXXXX: the four digits must be followed by something (the closing quote at least)
        if end + 5 >= n:
            raise _error('Invalid \\uXXXX escape', s, end)
        uni = _hex4(s, end + 1, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            uni2 = _hex4(s, end + 2, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        append(chr(uni))
    return ''.join(chunks), end

def scanstring(string, end, strict=True, /):
    end = end.__index__()
    if end > _sys.maxsize or end < -_sys.maxsize - 1:
        raise OverflowError('Python int too large to convert to C ssize_t')
    if not isinstance(string, str):
        raise TypeError('first argument must be a string, not %.80s' % type(string).__name__)
    return _scanstring(string, end, bool(strict))
scanstring.__doc__ = 'scanstring(string, end, strict=True) -> (string, end)'

_NUMBER = _re.compile(r'(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?')
_WS = ' \t\n\r'

class make_scanner:
    """JSON scanner object"""

    def __init__(self, context):
        self.strict = bool(context.strict)
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def __call__(self, string, idx):
        if not isinstance(string, str):
            raise TypeError('first argument must be a string, not %.80s' % type(string).__name__)
        try:
            return self._scan(string, idx.__index__())
        finally:
            self.memo.clear()

    def _scan(self, s, idx):
        if idx < 0:
            raise ValueError('idx cannot be negative')
        if idx >= len(s):
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self._object(s, idx + 1)
        if c == '[':
            return self._array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        m = _NUMBER.match(s, idx)
        if m is None:
            raise StopIteration(idx)
        integer, frac, exp = m.groups()
        if frac or exp:
            res = self.parse_float(integer + (frac or '') + (exp or ''))
        else:
            res = self.parse_int(integer)
        return res, m.end()

    def _skip(self, s, idx):
        n = len(s)
        while idx < n and s[idx] in _WS:
            idx += 1
        return idx

    def _object(self, s, idx):
        pairs = []
        memo = self.memo
        idx = self._skip(s, idx)
        if idx < len(s) and s[idx] == '}':
            idx += 1
        else:
            while True:
                if idx >= len(s) or s[idx] != '"':
                    raise _error('Expecting property name enclosed in double quotes', s, idx)
                key, idx = _scanstring(s, idx + 1, self.strict)
                key = memo.setdefault(key, key)
                idx = self._skip(s, idx)
                if idx >= len(s) or s[idx] != ':':
                    raise _error("Expecting ':' delimiter", s, idx)
                idx = self._skip(s, idx + 1)
                value, idx = self._scan(s, idx)
                pairs.append((key, value))
                idx = self._skip(s, idx)
                if idx < len(s) and s[idx] == '}':
                    idx += 1
                    break
                if idx >= len(s) or s[idx] != ',':
                    raise _error("Expecting ',' delimiter", s, idx)
                idx = self._skip(s, idx + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx
        d = dict(pairs)
        if self.object_hook is not None:
            d = self.object_hook(d)
        return d, idx

    def _array(self, s, idx):
        values = []
        idx = self._skip(s, idx)
        if idx < len(s) and s[idx] == ']':
            return values, idx + 1
        while True:
            value, idx = self._scan(s, idx)
            values.append(value)
            idx = self._skip(s, idx)
            if idx < len(s) and s[idx] == ']':
                return values, idx + 1
            if idx >= len(s) or s[idx] != ',':
                raise _error("Expecting ',' delimiter", s, idx)
            idx = self._skip(s, idx + 1)
make_scanner.__module__ = '_json'

_ESCAPE = _re.compile(r'[\x00-\x1f\\"]')
_ESCAPE_ASCII = _re.compile(r'([\\"]|[^\ -~])')
_ESCAPE_DCT = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u%04x' % _i)
del _i

def _escape_ascii(m):
    c = m.group(0)
    r = _ESCAPE_DCT.get(c)
    if r is not None:
        return r
    n = ord(c)
    if n < 0x10000:
        return '\\u%04x' % n
    n -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))

def encode_basestring_ascii(s, /):
    """encode_basestring_ascii(string) -> string

Return an ASCII-only JSON representation of a Python string"""
    if not isinstance(s, str):
        raise TypeError('first argument must be a string, not %.80s' % type(s).__name__)
    return '"' + _ESCAPE_ASCII.sub(_escape_ascii, s) + '"'

def encode_basestring(s, /):
    """encode_basestring(string) -> string

Return a JSON representation of a Python string"""
    if not isinstance(s, str):
        raise TypeError('first argument must be a string, not %.80s' % type(s).__name__)
    return '"' + _ESCAPE.sub(lambda m: _ESCAPE_DCT[m.group(0)], s) + '"'

class make_encoder:
    """_iterencode(obj, _current_indent_level) -> iterable"""

    def __init__(self, markers, default, encoder, indent, key_separator, item_separator,
                 sort_keys, skipkeys, allow_nan, /):
        if markers is not None and not isinstance(markers, dict):
            raise TypeError('make_encoder() argument 1 must be dict or None, not %.200s' % type(markers).__name__)
        if not isinstance(key_separator, str):
            raise TypeError('make_encoder() argument 5 must be str, not %.200s' % type(key_separator).__name__)
        if not isinstance(item_separator, str):
            raise TypeError('make_encoder() argument 6 must be str, not %.200s' % type(item_separator).__name__)
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = bool(sort_keys)
        self.skipkeys = bool(skipkeys)
        self.allow_nan = bool(allow_nan)

    def __call__(self, obj, _current_indent_level):
        chunks = []
        self._encode(obj, chunks)
        return tuple(chunks)

    def _string(self, s):
        enc = self.encoder
        if enc is encode_basestring_ascii or enc is encode_basestring:
            return enc(s)
        r = enc(s)
        if not isinstance(r, str):
            raise TypeError('encoder() must return a string, not %.80s' % type(r).__name__)
        return r

    def _float(self, o):
        if o != o or o == float('inf') or o == -float('inf'):
            if not self.allow_nan:
                raise ValueError('Out of range float values are not JSON compliant')
            return 'NaN' if o != o else 'Infinity' if o > 0 else '-Infinity'
        return float.__repr__(o)

    def _encode(self, o, chunks):
        if o is None:
            chunks.append('null')
        elif o is True:
            chunks.append('true')
        elif o is False:
            chunks.append('false')
        elif isinstance(o, str):
            chunks.append(self._string(o))
        elif isinstance(o, int):
            chunks.append(int.__repr__(o))
        elif isinstance(o, float):
            chunks.append(self._float(o))
        elif isinstance(o, (list, tuple)):
            self._list(o, chunks)
        elif isinstance(o, dict):
            self._dict(o, chunks)
        else:
            markers = self.markers
            if markers is not None:
                ident = id(o)
                if ident in markers:
                    raise ValueError('Circular reference detected')
                markers[ident] = o
            self._encode(self.default(o), chunks)
            if markers is not None:
                del markers[ident]

    def _list(self, seq, chunks):
        if not seq:
            chunks.append('[]')
            return
        markers = self.markers
        if markers is not None:
            ident = id(seq)
            if ident in markers:
                raise ValueError('Circular reference detected')
            markers[ident] = seq
        chunks.append('[')
        first = True
        for v in seq:
            if not first:
                chunks.append(self.item_separator)
            first = False
            self._encode(v, chunks)
        chunks.append(']')
        if markers is not None:
            del markers[ident]

    def _dict(self, dct, chunks):
        if not dct:
            chunks.append('{}')
            return
        markers = self.markers
        if markers is not None:
            ident = id(dct)
            if ident in markers:
                raise ValueError('Circular reference detected')
            markers[ident] = dct
        chunks.append('{')
        items = list(dct.items())
        if self.sort_keys:
            items.sort()
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self._float(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')
            if not first:
                chunks.append(self.item_separator)
            first = False
            chunks.append(self._string(key))
            chunks.append(self.key_separator)
            self._encode(value, chunks)
        chunks.append('}')
        if markers is not None:
            del markers[ident]
make_encoder.__module__ = '_json'
`;

export function makeJson(): PyModule {
  const m = newBuiltinModule('_json');
  runAppLevel(m, JSON_SOURCE, '_json');
  return m;
}
