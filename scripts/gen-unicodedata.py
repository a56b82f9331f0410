#!/usr/bin/env python3
"""Generates vm/modules/unicodedata/data.ts, the Unicode 14.0.0 tables of pyvm's unicodedata.

The source of truth is the Unicode Character Database 14.0.0 as CPython 3.11 ships it (its own
unicodedata module, built from the UCD files by CPython's Tools/unicode/makeunicodedata.py), read
through the host python3.11; name aliases and named sequences come from the UCD text files under
/usr/share/unicode (Debian's unicode-data), keeping only those the 14.0.0 database knows (both
lists only ever grow). The output depends on nothing but that data: run it again with any
CPython 3.11 and the file is byte-identical.

    python3.11 scripts/gen-unicodedata.py > vm/modules/unicodedata/data.ts

Tables (all strings of 16-bit units below U+D800, so they are plain text everywhere):
  two-level lookups (index1[cp >> SHIFT] picks a block, index2[block << SHIFT | cp & mask] the
  value) for the property record, the decomposition and the name of each code point;
  RECORDS: one record per distinct (category, bidirectional, combining, east_asian_width,
  mirrored, decimal, digit, numeric) as small integers;
  names as word numbers into a lexicon, each name ended by 0, with the offset of every 64th name;
  the names made from the code point (CJK UNIFIED IDEOGRAPH-4E00...) as ranges with their prefix;
  the primary composites (what NFC composes) as code points;
  the character types of str's is*() methods and the full case mappings of its case methods
  (see ctype_tables).
"""
import re
import sys
import unicodedata as ud

assert ud.unidata_version == '14.0.0', ud.unidata_version
MAXCP = 0x110000
UCD_DIR = '/usr/share/unicode'

CATEGORIES = ['Cn', 'Lu', 'Ll', 'Lt', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs',
              'Co', 'Cn', 'Lm', 'Lo', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So']
CATEGORIES = list(dict.fromkeys(CATEGORIES))
BIDI = ['', 'L', 'LRE', 'LRO', 'R', 'AL', 'RLE', 'RLO', 'PDF', 'EN', 'ES', 'ET', 'AN', 'CS', 'NSM', 'BN', 'B', 'S',
        'WS', 'ON', 'LRI', 'RLI', 'FSI', 'PDI']
EAW = ['F', 'H', 'W', 'Na', 'A', 'N']
# names CPython computes from the code point (makeunicodedata.py's and unicodedata.c's ranges)
ALGORITHMIC = ['CJK UNIFIED IDEOGRAPH-', 'TANGUT IDEOGRAPH-', 'KHITAN SMALL SCRIPT CHARACTER-', 'NUSHU CHARACTER-',
               'CJK COMPATIBILITY IDEOGRAPH-']


def two_level(values):
    """(shift, index1, index2) with the smallest total length."""
    best = None
    for shift in range(3, 11):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, len(values), size):
            blk = tuple(values[start:start + size])
            if blk not in blocks:
                blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(blocks[blk])
        if best is None or len(index1) + len(index2) < len(best[1]) + len(best[2]):
            best = (shift, index1, index2)
    return best


def ts_string(units):
    for u in units:
        assert 0 <= u < 0xD800, u
    out = []
    line = ''
    for u in units:
        ch = chr(u)
        if 0x20 <= u < 0x7F and ch not in '\\\'':
            piece = ch
        else:
            piece = '\\u%04x' % u
        line += piece
        if len(line) >= 100:
            out.append(line)
            line = ''
    if line:
        out.append(line)
    if not out:
        return "''"
    # lines of an array joined at load time (a chain of + would nest as deep as it is long)
    return '[\n  ' + ',\n  '.join("'%s'" % l for l in out) + ",\n].join('')"


def ts_str_literal(s):
    return "'" + ''.join(c if 0x20 <= ord(c) < 0x7F and c not in '\\\'' else '\\u%04x' % ord(c) for c in s) + "'"


def version_tables(db, numerics, num_list, decomps, dec_list):
    """(records, per-code-point record numbers, per-code-point decomposition numbers, composites)
    of one version of the database."""
    records = {}
    rec_list = []
    props = []
    decs = []
    composites = []
    for cp in range(MAXCP):
        c = chr(cp)
        num = db.numeric(c, None)
        if num is None:
            ni = 0
        else:
            key = repr(num)
            if key not in numerics:
                numerics[key] = len(num_list) + 1
                num_list.append(key)
            ni = numerics[key]
        rec = (CATEGORIES.index(db.category(c)), BIDI.index(db.bidirectional(c)), db.combining(c),
               EAW.index(db.east_asian_width(c)), db.mirrored(c), db.decimal(c, -1) + 1, db.digit(c, -1) + 1, ni)
        if rec not in records:
            records[rec] = len(rec_list)
            rec_list.append(rec)
        props.append(records[rec])
        d = db.decomposition(c)
        if d not in decomps:
            decomps[d] = len(dec_list)
            dec_list.append(d)
        decs.append(decomps[d])
        # primary composites: canonical pairs that NFC recomposes
        if d and not d.startswith('<') and len(d.split()) == 2 and db.normalize('NFC', c) == c:
            composites.append(cp)
    return rec_list, props, decs, composites


# flags of a CTYPE_RECORDS record (CPython's UPPER_MASK, LOWER_MASK, TITLE_MASK, CASED_MASK,
# CASE_IGNORABLE_MASK, ALPHA_MASK, DECIMAL_MASK, DIGIT_MASK, NUMERIC_MASK, XID_START_MASK,
# XID_CONTINUE_MASK of _PyUnicode_TypeRecord)
CASE_UPPER, CASE_LOWER, CASE_TITLE, CASE_CASED, CASE_IGNORABLE = 1, 2, 4, 8, 16
CT_ALPHA, CT_DECIMAL, CT_DIGIT, CT_NUMERIC, CT_XID_START, CT_XID_CONTINUE = 32, 64, 128, 256, 512, 1024
CASE_EXPANDED = 1 << 29


def ctype_tables():
    """(records, per-code-point record numbers, expansions) of str's is*() and case methods.

    Everything is asked of CPython 3.11's str itself, so it is exactly what its unicodectype.c
    tables say: the full mappings (SpecialCasing.txt, CaseFolding.txt's C+F) are the upper(),
    lower(), title() and casefold() of each code point alone (lower() of a lone U+03A3 is not in
    the final-sigma context); Uppercase and Lowercase are isupper()/islower() of the code point
    alone; Case_Ignorable shows in lower()'s final-sigma rule: in 'A\u03a3' + c the sigma is
    final when c is ignorable (skipped to the end) or uncased, in 'A\u03a3' + c + 'A' only when c
    is neither ignorable nor cased. Alphabetic, Decimal, Digit and Numeric are isalpha(),
    isdecimal(), isdigit() and isnumeric() of the code point alone, XID_Start is isidentifier() of
    it ('_' aside), XID_Continue isidentifier() of 'a' followed by it.
    A record is a flags unit then upper, lower, title and fold as two 15-bit halves each: the
    code point's delta + 0x20000, or CASE_EXPANDED | length << 16 | offset into the expansions.
    """
    records = {}
    rec_units = []
    index = []
    expansions = {}
    exp_units = []
    for cp in range(MAXCP):
        c = chr(cp)
        flags = 0
        if c.isupper():
            flags |= CASE_UPPER
        if c.islower():
            flags |= CASE_LOWER
        if ud.category(c) == 'Lt':
            flags |= CASE_TITLE
        if flags:
            flags |= CASE_CASED  # Cased = Uppercase | Lowercase | Lt
        alone = ('A\u03a3' + c).lower()[1]
        before_cased = ('A\u03a3' + c + 'A').lower()[1]
        if alone == '\u03c2' and before_cased == '\u03c3':
            flags |= CASE_IGNORABLE
        else:
            assert (alone == '\u03c3') == bool(flags & CASE_CASED), hex(cp)
        for test, flag in [(c.isalpha(), CT_ALPHA), (c.isdecimal(), CT_DECIMAL), (c.isdigit(), CT_DIGIT),
                           (c.isnumeric(), CT_NUMERIC), (c.isidentifier() and c != '_', CT_XID_START),
                           (('a' + c).isidentifier(), CT_XID_CONTINUE)]:
            if test:
                flags |= flag
        rec = [flags]
        for m in (c.upper(), c.lower(), c.title(), c.casefold()):
            if len(m) == 1:
                v = ord(m) - cp + 0x20000
                assert 0 <= v < CASE_EXPANDED
            else:
                if m not in expansions:
                    expansions[m] = len(exp_units)
                    exp_units += [ord(x) for x in m]
                assert len(m) < 8 and expansions[m] < 0x10000
                v = CASE_EXPANDED | len(m) << 16 | expansions[m]
            rec += [v >> 15, v & 0x7FFF]
        rec = tuple(rec)
        if rec not in records:
            records[rec] = len(records)
            rec_units += rec
        index.append(records[rec])
    return rec_units, index, exp_units


def main():
    numerics = {}
    num_list = []
    decomps = {'': 0}
    dec_list = ['']
    name_of = {}
    algo_ranges = []  # [start, end, prefix index]
    versions = [version_tables(ud, numerics, num_list, decomps, dec_list),
                version_tables(ud.ucd_3_2_0, numerics, num_list, decomps, dec_list)]
    for cp in range(MAXCP):
        c = chr(cp)
        n = ud.name(c, None)
        if n is None or (0xAC00 <= cp <= 0xD7A3):
            continue
        for pi, prefix in enumerate(ALGORITHMIC):
            if n == prefix + '%04X' % cp:
                if algo_ranges and algo_ranges[-1][1] == cp - 1 and algo_ranges[-1][2] == pi:
                    algo_ranges[-1][1] = cp
                else:
                    algo_ranges.append([cp, cp, pi])
                break
        else:
            name_of[cp] = n

    # names: a lexicon of space-separated words, most frequent first (smaller numbers)
    freq = {}
    for n in name_of.values():
        for w in n.split(' '):
            freq[w] = freq.get(w, 0) + 1
    lexicon = sorted(freq, key=lambda w: (-freq[w], w))
    word_no = {w: i + 1 for i, w in enumerate(lexicon)}
    name_units = []
    name_checkpoints = []
    name_index = [0] * MAXCP
    for k, cp in enumerate(sorted(name_of)):
        if k % 64 == 0:
            name_checkpoints.append(len(name_units))
        name_index[cp] = k + 1
        for w in name_of[cp].split(' '):
            name_units.append(word_no[w])
        name_units.append(0)
    checkpoint_units = []
    for off in name_checkpoints:
        checkpoint_units += [off >> 15, off & 0x7FFF]

    def field_check(name, lst):
        assert max(lst) < 0xD800, name

    # aliases and named sequences that 14.0.0 has
    aliases = []
    for line in open(UCD_DIR + '/NameAliases.txt', encoding='utf-8'):
        line = line.split('#')[0].strip()
        if not line:
            continue
        code, alias, _kind = line.split(';')
        try:
            if ud.lookup(alias) == chr(int(code, 16)):
                aliases.append((alias, int(code, 16)))
        except KeyError:
            pass
    sequences = []
    for line in open(UCD_DIR + '/NamedSequences.txt', encoding='utf-8'):
        line = line.split('#')[0].strip()
        if not line:
            continue
        name, codes = line.split(';')
        seq = ''.join(chr(int(x, 16)) for x in codes.split())
        try:
            if ud.lookup(name) == seq:
                sequences.append((name, seq))
        except KeyError:
            pass

    w = sys.stdout.write
    w('// Generated by scripts/gen-unicodedata.py from the Unicode Character Database %s (CPython 3.11\'s\n' % ud.unidata_version)
    w('// unicodedata and /usr/share/unicode\'s NameAliases.txt and NamedSequences.txt): do not edit.\n')
    w('// The layout of each table is described in the script.\n\n')
    w("export const UNIDATA_VERSION = '%s';\n" % ud.unidata_version)
    w('export const CATEGORIES = %s;\n' % ts_str_literal(' '.join(CATEGORIES)))
    w('export const BIDIRECTIONAL = %s;\n' % ts_str_literal(' '.join(BIDI)))
    w('export const EAST_ASIAN_WIDTHS = %s;\n' % ts_str_literal(' '.join(EAW)))
    w('export const ALGORITHMIC_PREFIXES = %s;\n' % ts_str_literal('|'.join(ALGORITHMIC)))
    w('/** per record: category, bidirectional, combining, east_asian_width, mirrored, decimal + 1,\n * digit + 1, numeric (a NUMERICS number, 0 for none) */\n')
    w('export const RECORD_FIELDS = 8;\n')
    w('/** the numeric values, as repr() of the float */\n')
    w('export const NUMERICS = %s;\n' % ts_str_literal('|'.join(num_list)))
    w('/** the decomposition strings, | between (number 0 is none) */\n')
    w('export const DECOMPOSITIONS = %s;\n' % ts_str_literal('|'.join(dec_list)))
    # the tables of each version: 14.0.0, then 3.2.0 (unicodedata.ucd_3_2_0, for IDNA)
    for suffix, (rec_list, props, decs, composites) in zip(['', '_3_2_0'], versions):
        flat = []
        for r in rec_list:
            flat += list(r)
        w('export const RECORDS%s = %s;\n' % (suffix, ts_string(flat)))
        for label, values in [('RECORD', props), ('DECOMPOSITION', decs)]:
            shift, i1, i2 = two_level(values)
            w('export const %s%s_SHIFT = %d;\n' % (label, suffix, shift))
            w('export const %s%s_INDEX1 = %s;\n' % (label, suffix, ts_string(i1)))
            w('export const %s%s_INDEX2 = %s;\n' % (label, suffix, ts_string(i2)))
        comp_units = []
        for cp in composites:
            comp_units += [cp >> 15, cp & 0x7FFF]
        w('/** the primary composites, two 15-bit halves each */\n')
        w('export const COMPOSITES%s = %s;\n' % (suffix, ts_string(comp_units)))
    shift, i1, i2 = two_level(name_index)
    w('export const NAME_SHIFT = %d;\n' % shift)
    w('export const NAME_INDEX1 = %s;\n' % ts_string(i1))
    w('export const NAME_INDEX2 = %s;\n' % ts_string(i2))
    w('/** the name words, space-separated (word n is number n, from 1) */\n')
    w('export const LEXICON = %s;\n' % ts_str_literal(' '.join(lexicon)))
    w('/** each name as word numbers, ended by 0, in code point order (name number n from 1) */\n')
    w('export const NAMES = %s;\n' % ts_string(name_units))
    w('/** where names 0, 64, 128... start in NAMES, two 15-bit halves each */\n')
    w('export const NAME_CHECKPOINTS = %s;\n' % ts_string(checkpoint_units))
    w('/** start, end (inclusive) and ALGORITHMIC_PREFIXES number of the names made from the code point */\n')
    w('export const ALGORITHMIC_RANGES: number[] = [%s];\n' % ', '.join('0x%x, 0x%x, %d' % tuple(r) for r in algo_ranges))
    case_units, case_index, case_exp = ctype_tables()
    w('/** str is*() and case methods: flags (1 Uppercase, 2 Lowercase, 4 Lt, 8 Cased, 16 Case_Ignorable,\n'
      ' * 32 alphabetic, 64 decimal, 128 digit, 256 numeric, 512 XID_Start, 1024 XID_Continue), then the\n'
      ' * full upper, lower, title and fold mappings as two 15-bit halves each: delta + 0x20000, or\n'
      ' * 1 << 29 | length << 16 | offset into CASE_EXPANSIONS */\n')
    w('export const CTYPE_RECORD_UNITS = 9;\n')
    w('export const CTYPE_RECORDS = %s;\n' % ts_string(case_units))
    shift, i1, i2 = two_level(case_index)
    w('export const CTYPE_SHIFT = %d;\n' % shift)
    w('export const CTYPE_INDEX1 = %s;\n' % ts_string(i1))
    w('export const CTYPE_INDEX2 = %s;\n' % ts_string(i2))
    w('/** the multi-character case mappings (SpecialCasing.txt, CaseFolding.txt\'s full foldings) */\n')
    w('export const CASE_EXPANSIONS = %s;\n' % ts_string(case_exp))
    w('/** name aliases (alias|code point in hex|...) */\n')
    w('export const ALIASES = %s;\n' % ts_str_literal('|'.join('%s|%x' % a for a in aliases)))
    w('/** named sequences (name|code points in hex, space-separated|...) */\n')
    w('export const NAMED_SEQUENCES = %s;\n' % ts_str_literal('|'.join('%s|%s' % (n, ' '.join('%x' % ord(ch) for ch in s)) for n, s in sequences)))


main()
