// The unicodedata module: the Unicode Character Database 14.0.0 (CPython 3.11's version) for
// names, properties and normalization. The tables are generated (data.ts, by
// scripts/gen-unicodedata.py) as strings of 16-bit units, given to the module as str objects;
// the logic is app-level Python (two-level table lookups, the Hangul and ideograph names that are
// computed rather than stored, and the canonical decomposition, reordering and composition of
// UAX #15), written after CPython's unicodedata.c so that its results and errors are CPython's.
import { PyModule, PyStr, newStr, newInt, False } from '../../objects/core.ts';
import { dictGetS, dictSetS } from '../../objects/dict.ts';
import { newBuiltinModule } from '../registry.ts';
import { runAppLevel } from '../applevel.ts';
import * as D from './data.ts';

const SOURCE = String.raw`
_missing = object()
_CATEGORIES = _CATEGORIES.split(' ')
_BIDIRECTIONAL = _BIDIRECTIONAL.split(' ')
_EAST_ASIAN_WIDTHS = _EAST_ASIAN_WIDTHS.split(' ')
_ALGORITHMIC_PREFIXES = _ALGORITHMIC_PREFIXES.split('|')
_NUMERICS = [0.0] + [float(x) for x in _NUMERICS.split('|')]
_DECOMPOSITIONS = _DECOMPOSITIONS.split('|')

def _at(index1, index2, shift, cp):
    return ord(index2[(ord(index1[cp >> shift]) << shift) | (cp & ((1 << shift) - 1))])

class _Tables:
    """One version of the database: its property records, decompositions and composites."""
    def __init__(self, records, ri1, ri2, rshift, di1, di2, dshift, composites, old):
        self.records, self.ri1, self.ri2, self.rshift = records, ri1, ri2, rshift
        self.di1, self.di2, self.dshift = di1, di2, dshift
        self.composites = composites
        self.pairs = None
        # 3.2.0 has no aliases or named sequences, and no names for what it did not assign
        self.old = old

def _field(t, cp, k):
    return ord(t.records[_at(t.ri1, t.ri2, t.rshift, cp) * _RECORD_FIELDS + k])

def _decomposition(t, cp):
    return _DECOMPOSITIONS[_at(t.di1, t.di2, t.dshift, cp)]

def _unassigned(t, cp):
    return t.old and _field(t, cp, 0) == 0

def _char(fn, c, numbered):
    if isinstance(c, str) and len(c) == 1:
        return ord(c)
    what = 'argument 1' if numbered else 'argument'
    raise TypeError(f'{fn}() {what} must be a unicode character, not {type(c).__name__}')

# decimal/digit/numeric store value+1 (0 = none): the stored number, or 0 when the caller's
# default applies, or ValueError(what) when there is no default
def _valued(t, fn, c, k, default, what):
    v = _field(t, _char(fn, c, True), k)
    if v == 0 and default is _missing:
        raise ValueError(what)
    return v

_SBASE, _LBASE, _VBASE, _TBASE = 0xAC00, 0x1100, 0x1161, 0x11A7
_LCOUNT, _VCOUNT, _TCOUNT = 19, 21, 28
_NCOUNT = _VCOUNT * _TCOUNT
_SCOUNT = _LCOUNT * _NCOUNT
_JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H']
_JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI',
           'YU', 'EU', 'YI', 'I']
_JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS',
           'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H']

class _Names:
    words = None
    codes = None
    aliases = None
    sequences = None

def _words():
    if _Names.words is None:
        _Names.words = [''] + _LEXICON.split(' ')
    return _Names.words

def _stored_name(k):
    """Name number k (from 1), decoded from its words."""
    k -= 1
    i = (ord(_NAME_CHECKPOINTS[2 * (k >> 6)]) << 15) | ord(_NAME_CHECKPOINTS[2 * (k >> 6) + 1])
    for _ in range(k & 63):
        while ord(_NAMES[i]) != 0:
            i += 1
        i += 1
    words = _words()
    out = []
    while True:
        w = ord(_NAMES[i])
        if w == 0:
            return ' '.join(out)
        out.append(words[w])
        i += 1

def _name_of(cp):
    if _SBASE <= cp < _SBASE + _SCOUNT:
        s = cp - _SBASE
        return 'HANGUL SYLLABLE ' + _JAMO_L[s // _NCOUNT] + _JAMO_V[(s % _NCOUNT) // _TCOUNT] + _JAMO_T[s % _TCOUNT]
    r = _ALGORITHMIC_RANGES
    for i in range(0, len(r), 3):
        if r[i] <= cp <= r[i + 1]:
            return _ALGORITHMIC_PREFIXES[r[i + 2]] + '%04X' % cp
    k = _at(_NAME_INDEX1, _NAME_INDEX2, _NAME_SHIFT, cp)
    return _stored_name(k) if k else None

def _name_codes():
    """name -> code point, of every stored name (built at the first lookup)."""
    if _Names.codes is None:
        i1, i2, shift = _NAME_INDEX1, _NAME_INDEX2, _NAME_SHIFT
        size = 1 << shift
        cps = [0] * (len(_NAME_CHECKPOINTS) * 32 + 1)
        # a block holds distinct name numbers, so only the block without names repeats
        seen = set()
        for b in range(len(i1)):
            blk = ord(i1[b])
            if blk in seen:
                continue
            seen.add(blk)
            base = blk << shift
            for j in range(size):
                k = ord(i2[base + j])
                if k:
                    cps[k] = (b << shift) | j
        words = _words()
        codes = {}
        k = 1
        out = []
        for u in _NAMES:
            w = ord(u)
            if w == 0:
                codes[' '.join(out)] = cps[k]
                k += 1
                out = []
            else:
                out.append(words[w])
        a = _ALIASES.split('|')
        aliases = set()
        for j in range(0, len(a), 2):
            codes[a[j]] = int(a[j + 1], 16)
            aliases.add(a[j])
        _Names.aliases = aliases
        _Names.codes = codes
        seqs = {}
        q = _NAMED_SEQUENCES.split('|')
        for j in range(0, len(q), 2):
            seqs[q[j]] = ''.join([chr(int(x, 16)) for x in q[j + 1].split(' ')])
        _Names.sequences = seqs
    return _Names.codes

def _computed_code(name):
    """The code point whose name is computed from it (Hangul syllables, ideographs), or -1."""
    if name.startswith('HANGUL SYLLABLE '):
        rest = name[16:]
        # longest jamo first at each position, as CPython's find_syllable does
        def find(s, table):
            best, blen = -1, -1
            for i, j in enumerate(table):
                if len(j) > blen and s.startswith(j):
                    best, blen = i, len(j)
            return best, blen
        l, n1 = find(rest, _JAMO_L)
        if l < 0:
            return -1
        rest = rest[n1:]
        v, n2 = find(rest, _JAMO_V)
        if v < 0:
            return -1
        rest = rest[n2:]
        t, n3 = find(rest, _JAMO_T)
        if t < 0 or n3 != len(rest):
            return -1
        return _SBASE + (l * _VCOUNT + v) * _TCOUNT + t
    for prefix in _ALGORITHMIC_PREFIXES:
        if name.startswith(prefix):
            h = name[len(prefix):]
            if not (4 <= len(h) <= 5) or any(c not in '0123456789ABCDEF' for c in h):
                return -1
            cp = int(h, 16)
            return cp if _name_of(cp) == name else -1
    return -1

def _lookup(name, sequences, t=None):
    """The character (or named sequence) called name, ignoring ASCII case; None if none is."""
    if not name.isascii():
        return None
    name = name.upper()
    cp = _computed_code(name)
    if cp < 0:
        cp = _name_codes().get(name)
        if cp is None:
            if sequences and (t is None or not t.old):
                return _Names.sequences.get(name)
            return None
        if t is not None and t.old and (cp >= 0xF0000 or name in _Names.aliases):
            return None
    if t is not None and _unassigned(t, cp):
        return None
    return chr(cp)

def _decompose_into(t, cp, compat, out):
    if _SBASE <= cp < _SBASE + _SCOUNT:
        s = cp - _SBASE
        out.append(_LBASE + s // _NCOUNT)
        out.append(_VBASE + (s % _NCOUNT) // _TCOUNT)
        if s % _TCOUNT:
            out.append(_TBASE + s % _TCOUNT)
        return
    d = _decomposition(t, cp)
    if not d or (d[0] == '<' and not compat):
        out.append(cp)
        return
    parts = d.split(' ')
    if d[0] == '<':
        del parts[0]
    for p in parts:
        _decompose_into(t, int(p, 16), compat, out)

def _decompose(t, s, compat):
    """NFD (or NFKD) as a list of code points: decomposed, then combining marks in canonical order."""
    out = []
    for ch in s:
        _decompose_into(t, ord(ch), compat, out)
    ccc = [_field(t, cp, 2) for cp in out]
    # a stable insertion sort of each run of non-starters by combining class
    for i in range(1, len(out)):
        c = ccc[i]
        if c == 0:
            continue
        j = i
        while j > 0 and ccc[j - 1] > c:
            j -= 1
        if j != i:
            cp = out[i]
            del out[i]
            del ccc[i]
            out.insert(j, cp)
            ccc.insert(j, c)
    return out, ccc

def _pairs(t):
    if t.pairs is None:
        p = {}
        c = t.composites
        for i in range(0, len(c), 2):
            cp = (ord(c[i]) << 15) | ord(c[i + 1])
            a, b = _decomposition(t, cp).split(' ')
            p[(int(a, 16), int(b, 16))] = cp
        t.pairs = p
    return t.pairs

def _compose(t, out, ccc):
    """Canonical composition of a decomposed, reordered sequence (UAX #15)."""
    if not out:
        return out
    pairs = _pairs(t)
    starter_pos = 0
    starter = out[0]
    last = ccc[0]
    if last != 0:
        last = 256
    res = [starter]
    for i in range(1, len(out)):
        ch = out[i]
        c = ccc[i]
        comp = -1
        if last < c or last == 0:
            if _LBASE <= starter < _LBASE + _LCOUNT and _VBASE <= ch < _VBASE + _VCOUNT:
                comp = _SBASE + ((starter - _LBASE) * _VCOUNT + (ch - _VBASE)) * _TCOUNT
            elif (_SBASE <= starter < _SBASE + _SCOUNT and (starter - _SBASE) % _TCOUNT == 0
                  and _TBASE < ch < _TBASE + _TCOUNT):
                comp = starter + (ch - _TBASE)
            else:
                comp = pairs.get((starter, ch), -1)
        if comp >= 0:
            res[starter_pos] = comp
            starter = comp
            continue
        if c == 0:
            starter_pos = len(res)
            starter = ch
        last = c
        res.append(ch)
    return res

def _normalized(t, fn, form, unistr):
    if not isinstance(unistr, str):
        raise TypeError(f'{fn}() argument 2 must be str, not {type(unistr).__name__}')
    if form == 'NFC' or form == 'NFKC':
        out, ccc = _decompose(t, unistr, form == 'NFKC')
        return ''.join([chr(c) for c in _compose(t, out, ccc)])
    if form == 'NFD' or form == 'NFKD':
        out, ccc = _decompose(t, unistr, form == 'NFKD')
        return ''.join([chr(c) for c in out])
    if not isinstance(form, str):
        raise TypeError(f'{fn}() argument 1 must be str, not {type(form).__name__}')
    raise ValueError('invalid normalization form')

class UCD:
    def __init__(self, version, tables):
        self.unidata_version = version
        self._t = tables

    def lookup(self, name, /):
        """Look up character by name.

    If a character with the given name is found, return the
    corresponding character.  If not found, KeyError is raised."""
        if not isinstance(name, str):
            if isinstance(name, (bytes, bytearray)):
                name = name.decode('latin-1')
            else:
                raise TypeError(f'lookup() argument must be str, not {type(name).__name__}')
        if len(name) > 256:
            raise KeyError('name too long')
        r = _lookup(name, True, self._t)
        if r is None:
            raise KeyError(f"undefined character name '{name}'")
        return r

    def name(self, chr, default=_missing, /):
        """Returns the name assigned to the character chr as a string.

    If no name is defined, default is returned, or, if not given,
    ValueError is raised."""
        cp = _char('name', chr, True)
        n = None if _unassigned(self._t, cp) else _name_of(cp)
        if n is None:
            if default is _missing:
                raise ValueError('no such name')
            return default
        return n

    def category(self, chr, /):
        """Returns the general category assigned to the character chr as string."""
        return _CATEGORIES[_field(self._t, _char('category', chr, False), 0)]

    def bidirectional(self, chr, /):
        """Returns the bidirectional class assigned to the character chr as string.

    If no such value is defined, an empty string is returned."""
        return _BIDIRECTIONAL[_field(self._t, _char('bidirectional', chr, False), 1)]

    def combining(self, chr, /):
        """Returns the canonical combining class assigned to the character chr as integer.

    Returns 0 if no combining class is defined."""
        return _field(self._t, _char('combining', chr, False), 2)

    def east_asian_width(self, chr, /):
        """Returns the east asian width assigned to the character chr as string."""
        return _EAST_ASIAN_WIDTHS[_field(self._t, _char('east_asian_width', chr, False), 3)]

    def mirrored(self, chr, /):
        """Returns the mirrored property assigned to the character chr as integer.

    Returns 1 if the character has been identified as a "mirrored"
    character in bidirectional text, 0 otherwise."""
        return _field(self._t, _char('mirrored', chr, False), 4)

    def decimal(self, chr, default=_missing, /):
        """Converts a Unicode character into its equivalent decimal value.

    Returns the decimal value assigned to the character chr as integer.
    If no such value is defined, default is returned, or, if not given,
    ValueError is raised."""
        v = _valued(self._t, 'decimal', chr, 5, default, 'not a decimal')
        return default if v == 0 else v - 1

    def digit(self, chr, default=_missing, /):
        """Converts a Unicode character into its equivalent digit value.

    Returns the digit value assigned to the character chr as integer.
    If no such value is defined, default is returned, or, if not given,
    ValueError is raised."""
        v = _valued(self._t, 'digit', chr, 6, default, 'not a digit')
        return default if v == 0 else v - 1

    def numeric(self, chr, default=_missing, /):
        """Converts a Unicode character into its equivalent numeric value.

    Returns the numeric value assigned to the character chr as float.
    If no such value is defined, default is returned, or, if not given,
    ValueError is raised."""
        v = _valued(self._t, 'numeric', chr, 7, default, 'not a numeric character')
        return default if v == 0 else _NUMERICS[v]

    def decomposition(self, chr, /):
        """Returns the character decomposition mapping assigned to the character chr as string.

    An empty string is returned in case no such mapping is defined."""
        return _decomposition(self._t, _char('decomposition', chr, False))

    def normalize(self, form, unistr, /):
        """Return the normal form 'form' for the Unicode string unistr.

    Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."""
        if isinstance(unistr, str) and unistr.isascii() and isinstance(form, str) and form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
            return str(unistr)
        return _normalized(self._t, 'normalize', form, unistr)

    def is_normalized(self, form, unistr, /):
        """Return whether the Unicode string unistr is in the normal form 'form'.

    Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."""
        if isinstance(unistr, str) and unistr.isascii() and isinstance(form, str) and form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
            return True
        return _normalized(self._t, 'is_normalized', form, unistr) == unistr

ucd_3_2_0 = UCD('3.2.0', _Tables(_RECORDS_3_2_0, _RECORD_3_2_0_INDEX1, _RECORD_3_2_0_INDEX2, _RECORD_3_2_0_SHIFT,
                                 _DECOMPOSITION_3_2_0_INDEX1, _DECOMPOSITION_3_2_0_INDEX2, _DECOMPOSITION_3_2_0_SHIFT,
                                 _COMPOSITES_3_2_0, True))
_ucd = UCD(unidata_version, _Tables(_RECORDS, _RECORD_INDEX1, _RECORD_INDEX2, _RECORD_SHIFT, _DECOMPOSITION_INDEX1,
                                    _DECOMPOSITION_INDEX2, _DECOMPOSITION_SHIFT, _COMPOSITES, False))
lookup, name, category, bidirectional, combining = _ucd.lookup, _ucd.name, _ucd.category, _ucd.bidirectional, _ucd.combining
east_asian_width, mirrored, decimal, digit, numeric = _ucd.east_asian_width, _ucd.mirrored, _ucd.decimal, _ucd.digit, _ucd.numeric
decomposition, normalize, is_normalized = _ucd.decomposition, _ucd.normalize, _ucd.is_normalized
UCD.__module__ = 'unicodedata'
`;

/** The ranges of computed names, as a Python assignment (made once, at load time). */
const ALGORITHMIC_SOURCE = '_ALGORITHMIC_RANGES = [' + D.ALGORITHMIC_RANGES.join(', ') + ']\n';

/** The generated tables the Python source reads, as module globals. */
function addTables(m: PyModule): void {
  const strs: string[] = [
    '_CATEGORIES', D.CATEGORIES, '_BIDIRECTIONAL', D.BIDIRECTIONAL, '_EAST_ASIAN_WIDTHS', D.EAST_ASIAN_WIDTHS,
    '_ALGORITHMIC_PREFIXES', D.ALGORITHMIC_PREFIXES, '_RECORDS', D.RECORDS, '_NUMERICS', D.NUMERICS,
    '_DECOMPOSITIONS', D.DECOMPOSITIONS, '_RECORD_INDEX1', D.RECORD_INDEX1, '_RECORD_INDEX2', D.RECORD_INDEX2,
    '_DECOMPOSITION_INDEX1', D.DECOMPOSITION_INDEX1, '_DECOMPOSITION_INDEX2', D.DECOMPOSITION_INDEX2,
    '_NAME_INDEX1', D.NAME_INDEX1, '_NAME_INDEX2', D.NAME_INDEX2, '_LEXICON', D.LEXICON, '_NAMES', D.NAMES,
    '_NAME_CHECKPOINTS', D.NAME_CHECKPOINTS, '_COMPOSITES', D.COMPOSITES, '_ALIASES', D.ALIASES,
    '_NAMED_SEQUENCES', D.NAMED_SEQUENCES, 'unidata_version', D.UNIDATA_VERSION, '_RECORDS_3_2_0', D.RECORDS_3_2_0,
    '_RECORD_3_2_0_INDEX1', D.RECORD_3_2_0_INDEX1, '_RECORD_3_2_0_INDEX2', D.RECORD_3_2_0_INDEX2,
    '_DECOMPOSITION_3_2_0_INDEX1', D.DECOMPOSITION_3_2_0_INDEX1, '_DECOMPOSITION_3_2_0_INDEX2',
    D.DECOMPOSITION_3_2_0_INDEX2, '_COMPOSITES_3_2_0', D.COMPOSITES_3_2_0,
  ];
  for (let i = 0; i < strs.length; i += 2) dictSetS(m.dict, strs[i], newStr(strs[i + 1]));
  dictSetS(m.dict, '_RECORD_FIELDS', newInt(D.RECORD_FIELDS));
  dictSetS(m.dict, '_RECORD_SHIFT', newInt(D.RECORD_SHIFT));
  dictSetS(m.dict, '_DECOMPOSITION_SHIFT', newInt(D.DECOMPOSITION_SHIFT));
  dictSetS(m.dict, '_NAME_SHIFT', newInt(D.NAME_SHIFT));
  dictSetS(m.dict, '_RECORD_3_2_0_SHIFT', newInt(D.RECORD_3_2_0_SHIFT));
  dictSetS(m.dict, '_DECOMPOSITION_3_2_0_SHIFT', newInt(D.DECOMPOSITION_3_2_0_SHIFT));
}

export function makeUnicodedata(): PyModule {
  const m = newBuiltinModule('unicodedata');
  addTables(m);
  runAppLevel(m, ALGORITHMIC_SOURCE + SOURCE, 'unicodedata');
  return m;
}
