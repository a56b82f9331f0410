# _json, the accelerator json uses when it exists: the scanner, the one-shot encoder and
# the string escapers, with the C module's messages and argument checks.
import json, _json
print(json.decoder.scanstring is _json.scanstring, json.scanner.make_scanner is _json.make_scanner)
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud834\\udd20\\n"], "b": {}, "c": []}'))
print(json.dumps({"a": [1, 2.5, float('inf'), None, True, "é\n\U0001d120"], 3: "x", 1.5: 2}, sort_keys=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, ensure_ascii=False), json.dumps("é", ensure_ascii=False))
for bad in ['[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '{1: 2}', '[', '"\\x"', '"\\u12"', '"a\x01"', 'nul', '']:
    try: json.loads(bad)
    except json.JSONDecodeError as e: print(repr(bad), e)
try: json.dumps(float('nan'), allow_nan=False)
except ValueError as e: print(e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
try: json.dumps({(1,): 2})
except TypeError as e: print(e)
print(json.dumps({(1,): 2, 'k': 1}, skipkeys=True))
class C: pass
print(json.dumps([C()], default=lambda o: 'C!'))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10), json.loads('{"a": 1}', object_pairs_hook=list))
print(json.dumps([1, {"a": 2}], indent=2))
print(_json.encode_basestring_ascii('a"\\\x00\u1234\U00012345'), _json.encode_basestring('a"\\\x00\u1234'))
try: _json.make_encoder(1, None, None, None, ': ', ', ', False, False, False)
except TypeError as e: print(e)
try: _json.scanstring(b'x', 1)
except TypeError as e: print(e)
print(_json.scanstring('"z\\ud834\\u0079x"', 1), _json.scanstring('"\\ud834\\udd20"', 1))
