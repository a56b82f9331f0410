// The marshal module: CPython 3.11's format (versions 0-4) for None, bools, StopIteration,
// Ellipsis, int (TYPE_INT, or TYPE_LONG in 15-bit digits), float and complex (binary from
// version 2), str (ASCII and short forms from version 4), bytes and bytes-likes, tuple, list,
// dict, set and frozenset, with back-references from version 3. Code objects are pyvm's own
// (its bytecode is not CPython's), so, like any other type, they are "unmarshallable".
//
// CPython marks an object with FLAG_REF only when its reference count is above one; pyvm has no
// reference counts, so every object that can be referenced is marked, which is what CPython
// writes for the objects of a program (constants, names); loads accepts both forms. Strings
// that look like identifiers are written as interned, as CPython's interned constants are.
import { PyModule } from '../objects/core.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';

const MARSHAL_SOURCE = String.raw`
from _struct import pack as _pack, unpack_from as _unpack_from

version = 4

_MAX_DEPTH = 2000
_FLAG_REF = 0x80


def _is_identifier_like(s):
    for c in s:
        if not (c == '_' or '0' <= c <= '9' or 'a' <= c <= 'z' or 'A' <= c <= 'Z'):
            return False
    return True


class _Writer:
    def __init__(self, version):
        self.out = bytearray()
        self.version = version
        self.refs = {} if version >= 3 else None
        self.keep = []
        self.depth = 0

    def byte(self, b):
        self.out.append(b)

    def long(self, n):
        self.out += _pack('<i', n)

    def size(self, n):
        if n > 0x7FFFFFFF:
            raise ValueError('unmarshallable object')
        self.long(n)

    def pstring(self, data):
        self.size(len(data))
        self.out += data

    def obj(self, v):
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise ValueError('object too deeply nested to marshal')
            if v is None:
                self.byte(78)  # N
            elif v is StopIteration:
                self.byte(83)  # S
            elif v is Ellipsis:
                self.byte(46)  # .
            elif v is False:
                self.byte(70)  # F
            elif v is True:
                self.byte(84)  # T
            else:
                flag = 0
                if self.refs is not None:
                    key = id(v)
                    if key in self.refs:
                        self.byte(114)  # r
                        self.long(self.refs[key])
                        return
                    self.refs[key] = len(self.refs)
                    # the id stays valid while the object lives
                    self.keep.append(v)
                    flag = _FLAG_REF
                self.complex_obj(v, flag)
        finally:
            self.depth -= 1

    def complex_obj(self, v, flag):
        t = type(v)
        if t is int:
            if -0x80000000 <= v <= 0x7FFFFFFF:
                self.byte(105 | flag)  # i
                self.long(v)
            else:
                self.byte(108 | flag)  # l
                a = -v if v < 0 else v
                digits = []
                while a:
                    digits.append(a & 0x7FFF)
                    a >>= 15
                self.long(-len(digits) if v < 0 else len(digits))
                for d in digits:
                    self.out += _pack('<H', d)
        elif t is float:
            if self.version > 1:
                self.byte(103 | flag)  # g
                self.out += _pack('<d', v)
            else:
                s = repr(v).encode('ascii')
                self.byte(102 | flag)  # f
                self.byte(len(s))
                self.out += s
        elif t.__name__ == 'complex' and t.__module__ == 'builtins':
            if self.version > 1:
                self.byte(121 | flag)  # y
                self.out += _pack('<d', v.real)
                self.out += _pack('<d', v.imag)
            else:
                self.byte(120 | flag)  # x
                for part in (v.real, v.imag):
                    s = repr(part).encode('ascii')
                    self.byte(len(s))
                    self.out += s
        elif t is str:
            interned = self.version >= 1 and _is_identifier_like(v)
            if self.version >= 4 and v.isascii():
                data = v.encode('ascii')
                if len(data) < 256:
                    self.byte((90 if interned else 122) | flag)  # Z z
                    self.byte(len(data))
                    self.out += data
                else:
                    self.byte((65 if interned else 97) | flag)  # A a
                    self.pstring(data)
            else:
                self.byte((116 if interned else 117) | flag)  # t u
                self.pstring(v.encode('utf-8', 'surrogatepass'))
        elif t is tuple:
            if self.version >= 4 and len(v) < 256:
                self.byte(41 | flag)  # )
                self.byte(len(v))
            else:
                self.byte(40 | flag)  # (
                self.size(len(v))
            for x in v:
                self.obj(x)
        elif t is list:
            self.byte(91 | flag)  # [
            self.size(len(v))
            for x in v:
                self.obj(x)
        elif t is dict:
            self.byte(123 | flag)  # {
            for k, x in v.items():
                self.obj(k)
                self.obj(x)
            self.byte(48)  # 0
        elif t is set or t is frozenset:
            self.byte((60 if t is set else 62) | flag)  # < >
            self.size(len(v))
            for x in v:
                self.obj(x)
        elif t is bytes or t is bytearray or t is memoryview:
            self.byte(115 | flag)  # s
            self.pstring(bytes(v))
        else:
            raise ValueError('unmarshallable object')


class _Reader:
    def __init__(self, data, read=None):
        self.data = data
        self.pos = 0
        self.read = read
        self.refs = []
        self.depth = 0

    def take(self, n):
        if self.read is not None:
            b = self.read(n)
            if len(b) != n:
                raise EOFError('EOF read where object expected')
            return b
        p = self.pos
        if p + n > len(self.data):
            raise EOFError('marshal data too short')
        self.pos = p + n
        return self.data[p:p + n]

    def byte(self):
        return self.take(1)[0]

    def long(self):
        return _unpack_from('<i', self.take(4))[0]

    def size(self):
        n = self.long()
        if n < 0:
            raise ValueError('bad marshal data (bytes object size out of range)')
        return n

    def ref(self, v, flag):
        if flag:
            self.refs.append(v)
        return v

    def float_str(self):
        n = self.byte()
        return float(self.take(n).decode('ascii'))

    def obj(self):
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise ValueError('recursion limit exceeded')
            if self.read is None and self.pos >= len(self.data):
                raise EOFError('EOF read where object expected')
            code = self.byte()
            flag = code & _FLAG_REF
            t = code & ~_FLAG_REF
            if t == 48:  # 0: TYPE_NULL
                return None
            if t == 78:
                return None
            if t == 83:
                return StopIteration
            if t == 46:
                return Ellipsis
            if t == 70:
                return False
            if t == 84:
                return True
            if t == 105:
                return self.ref(self.long(), flag)
            if t == 108:
                n = self.long()
                size = -n if n < 0 else n
                v = 0
                digits = self.take(2 * size)
                for i in range(size - 1, -1, -1):
                    d = digits[2 * i] | (digits[2 * i + 1] << 8)
                    if d > 0x7FFF:
                        raise ValueError('bad marshal data (digit out of range in long)')
                    v = (v << 15) | d
                if size and digits[-2] == 0 and digits[-1] == 0:
                    raise ValueError('bad marshal data (unnormalized long data)')
                return self.ref(-v if n < 0 else v, flag)
            if t == 103:
                return self.ref(_unpack_from('<d', self.take(8))[0], flag)
            if t == 102:
                return self.ref(self.float_str(), flag)
            if t == 121 or t == 120:
                if t == 121:
                    re_, im = _unpack_from('<dd', self.take(16))
                else:
                    re_ = self.float_str()
                    im = self.float_str()
                return self.ref(complex(re_, im), flag)
            if t == 115:
                return self.ref(bytes(self.take(self.size())), flag)
            if t in (122, 90):
                return self.ref(self.take(self.byte()).decode('latin-1'), flag)
            if t in (97, 65):
                return self.ref(self.take(self.size()).decode('latin-1'), flag)
            if t in (117, 116):
                return self.ref(self.take(self.size()).decode('utf-8', 'surrogatepass'), flag)
            if t in (41, 40):
                n = self.byte() if t == 41 else self.size()
                idx = len(self.refs)
                if flag:
                    self.refs.append(None)
                v = tuple([self.obj() for _ in range(n)])
                if flag:
                    self.refs[idx] = v
                return v
            if t == 91:
                v = []
                self.ref(v, flag)
                for _ in range(self.size()):
                    v.append(self.obj())
                return v
            if t == 123:
                v = {}
                self.ref(v, flag)
                while True:
                    p = self.pos
                    if self.read is None and p < len(self.data) and self.data[p] == 48:
                        self.pos = p + 1
                        break
                    k = self.obj_or_null()
                    if k is _NULL:
                        break
                    v[k] = self.obj()
                return v
            if t == 60:
                v = set()
                self.ref(v, flag)
                for _ in range(self.size()):
                    v.add(self.obj())
                return v
            if t == 62:
                n = self.size()
                idx = len(self.refs)
                if flag:
                    self.refs.append(None)
                v = frozenset([self.obj() for _ in range(n)])
                if flag:
                    self.refs[idx] = v
                return v
            if t == 114:
                n = self.long()
                if n < 0 or n >= len(self.refs) or self.refs[n] is None:
                    raise ValueError('bad marshal data (invalid reference)')
                return self.refs[n]
            if t == 99:
                raise ValueError('bad marshal data (code objects are not supported by pyvm)')
            raise ValueError('bad marshal data (unknown type code)')
        finally:
            self.depth -= 1

    def obj_or_null(self):
        # a dict ends at TYPE_NULL, which only a file reader meets here
        code = self.take(1)[0]
        if code == 48:
            return _NULL
        if self.read is None:
            self.pos -= 1
        else:
            self.pushed = code
            return self._obj_with_code(code)
        return self.obj()

    def _obj_with_code(self, code):
        saved = self.take
        first = [bytes([code])]

        def take(n):
            if first:
                b = first.pop()
                return b if n == 1 else b + saved(n - 1)
            return saved(n)
        self.take = take
        try:
            return self.obj()
        finally:
            self.take = saved


_NULL = object()


def dumps(value, version=version, /):
    w = _Writer(version)
    w.obj(value)
    return bytes(w.out)


def dump(value, file, version=version, /):
    w = _Writer(version)
    w.obj(value)
    file.write(bytes(w.out))


def loads(bytes, /):
    return _Reader(memoryview(bytes).tobytes() if not isinstance(bytes, (type(b''), bytearray)) else bytes).obj()


def load(file, /):
    return _Reader(None, file.read).obj()
`;

export function makeMarshal(): PyModule {
  const m = newBuiltinModule('marshal');
  runAppLevel(m, MARSHAL_SOURCE, 'marshal');
  return m;
}
