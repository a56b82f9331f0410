// The _ast module: CPython 3.11's AST node classes (ast.py builds on them; inspect, dataclasses
// and so unittest import ast). The class list, fields, attributes, match args, docstrings and the
// None defaults of optional fields are generated from CPython 3.11's _ast (Parser/Python.asdl),
// so `ast.Constant(1).kind` is None and bad constructor calls fail as in CPython. pyvm's
// compiler has no AST output yet: compile(..., PyCF_ONLY_AST) is not available.
import { PyModule } from '../objects/core.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';

const AST_SOURCE = `class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} constructor takes at most {len(fields)} positional argument{'' if len(fields) == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        d = getattr(self, '__dict__', None)
        return (type(self), (), d) if d else (type(self), ())

class operator(AST):
    'operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class Add(operator):
    'Add'
    _fields = ()
    __match_args__ = ()

class boolop(AST):
    'boolop = And | Or'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class And(boolop):
    'And'
    _fields = ()
    __match_args__ = ()

class stmt(AST):
    'stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\\n     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\\n     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)\\n     | Return(expr? value)\\n     | Delete(expr* targets)\\n     | Assign(expr* targets, expr value, string? type_comment)\\n     | AugAssign(expr target, operator op, expr value)\\n     | AnnAssign(expr target, expr annotation, expr? value, int simple)\\n     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\\n     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\\n     | While(expr test, stmt* body, stmt* orelse)\\n     | If(expr test, stmt* body, stmt* orelse)\\n     | With(withitem* items, stmt* body, string? type_comment)\\n     | AsyncWith(withitem* items, stmt* body, string? type_comment)\\n     | Match(expr subject, match_case* cases)\\n     | Raise(expr? exc, expr? cause)\\n     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\\n     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\\n     | Assert(expr test, expr? msg)\\n     | Import(alias* names)\\n     | ImportFrom(identifier? module, alias* names, int? level)\\n     | Global(identifier* names)\\n     | Nonlocal(identifier* names)\\n     | Expr(expr value)\\n     | Pass\\n     | Break\\n     | Continue'
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ()
    end_lineno = None
    end_col_offset = None

class AnnAssign(stmt):
    'AnnAssign(expr target, expr annotation, expr? value, int simple)'
    _fields = ('target', 'annotation', 'value', 'simple')
    __match_args__ = ('target', 'annotation', 'value', 'simple')
    value = None

class Assert(stmt):
    'Assert(expr test, expr? msg)'
    _fields = ('test', 'msg')
    __match_args__ = ('test', 'msg')
    msg = None

class Assign(stmt):
    'Assign(expr* targets, expr value, string? type_comment)'
    _fields = ('targets', 'value', 'type_comment')
    __match_args__ = ('targets', 'value', 'type_comment')
    type_comment = None

class AsyncFor(stmt):
    'AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)'
    _fields = ('target', 'iter', 'body', 'orelse', 'type_comment')
    __match_args__ = ('target', 'iter', 'body', 'orelse', 'type_comment')
    type_comment = None

class AsyncFunctionDef(stmt):
    'AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)'
    _fields = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    __match_args__ = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    returns = None
    type_comment = None

class AsyncWith(stmt):
    'AsyncWith(withitem* items, stmt* body, string? type_comment)'
    _fields = ('items', 'body', 'type_comment')
    __match_args__ = ('items', 'body', 'type_comment')
    type_comment = None

class expr(AST):
    'expr = BoolOp(boolop op, expr* values)\\n     | NamedExpr(expr target, expr value)\\n     | BinOp(expr left, operator op, expr right)\\n     | UnaryOp(unaryop op, expr operand)\\n     | Lambda(arguments args, expr body)\\n     | IfExp(expr test, expr body, expr orelse)\\n     | Dict(expr* keys, expr* values)\\n     | Set(expr* elts)\\n     | ListComp(expr elt, comprehension* generators)\\n     | SetComp(expr elt, comprehension* generators)\\n     | DictComp(expr key, expr value, comprehension* generators)\\n     | GeneratorExp(expr elt, comprehension* generators)\\n     | Await(expr value)\\n     | Yield(expr? value)\\n     | YieldFrom(expr value)\\n     | Compare(expr left, cmpop* ops, expr* comparators)\\n     | Call(expr func, expr* args, keyword* keywords)\\n     | FormattedValue(expr value, int conversion, expr? format_spec)\\n     | JoinedStr(expr* values)\\n     | Constant(constant value, string? kind)\\n     | Attribute(expr value, identifier attr, expr_context ctx)\\n     | Subscript(expr value, expr slice, expr_context ctx)\\n     | Starred(expr value, expr_context ctx)\\n     | Name(identifier id, expr_context ctx)\\n     | List(expr* elts, expr_context ctx)\\n     | Tuple(expr* elts, expr_context ctx)\\n     | Slice(expr? lower, expr? upper, expr? step)'
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ()
    end_lineno = None
    end_col_offset = None

class Attribute(expr):
    'Attribute(expr value, identifier attr, expr_context ctx)'
    _fields = ('value', 'attr', 'ctx')
    __match_args__ = ('value', 'attr', 'ctx')

class AugAssign(stmt):
    'AugAssign(expr target, operator op, expr value)'
    _fields = ('target', 'op', 'value')
    __match_args__ = ('target', 'op', 'value')

class Await(expr):
    'Await(expr value)'
    _fields = ('value',)
    __match_args__ = ('value',)

class BinOp(expr):
    'BinOp(expr left, operator op, expr right)'
    _fields = ('left', 'op', 'right')
    __match_args__ = ('left', 'op', 'right')

class BitAnd(operator):
    'BitAnd'
    _fields = ()
    __match_args__ = ()

class BitOr(operator):
    'BitOr'
    _fields = ()
    __match_args__ = ()

class BitXor(operator):
    'BitXor'
    _fields = ()
    __match_args__ = ()

class BoolOp(expr):
    'BoolOp(boolop op, expr* values)'
    _fields = ('op', 'values')
    __match_args__ = ('op', 'values')

class Break(stmt):
    'Break'
    _fields = ()
    __match_args__ = ()

class Call(expr):
    'Call(expr func, expr* args, keyword* keywords)'
    _fields = ('func', 'args', 'keywords')
    __match_args__ = ('func', 'args', 'keywords')

class ClassDef(stmt):
    'ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)'
    _fields = ('name', 'bases', 'keywords', 'body', 'decorator_list')
    __match_args__ = ('name', 'bases', 'keywords', 'body', 'decorator_list')

class Compare(expr):
    'Compare(expr left, cmpop* ops, expr* comparators)'
    _fields = ('left', 'ops', 'comparators')
    __match_args__ = ('left', 'ops', 'comparators')

class Constant(expr):
    'Constant(constant value, string? kind)'
    _fields = ('value', 'kind')
    __match_args__ = ('value', 'kind')
    kind = None

class Continue(stmt):
    'Continue'
    _fields = ()
    __match_args__ = ()

class expr_context(AST):
    'expr_context = Load | Store | Del'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class Del(expr_context):
    'Del'
    _fields = ()
    __match_args__ = ()

class Delete(stmt):
    'Delete(expr* targets)'
    _fields = ('targets',)
    __match_args__ = ('targets',)

class Dict(expr):
    'Dict(expr* keys, expr* values)'
    _fields = ('keys', 'values')
    __match_args__ = ('keys', 'values')

class DictComp(expr):
    'DictComp(expr key, expr value, comprehension* generators)'
    _fields = ('key', 'value', 'generators')
    __match_args__ = ('key', 'value', 'generators')

class Div(operator):
    'Div'
    _fields = ()
    __match_args__ = ()

class cmpop(AST):
    'cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class Eq(cmpop):
    'Eq'
    _fields = ()
    __match_args__ = ()

class excepthandler(AST):
    'excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)'
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ()
    end_lineno = None
    end_col_offset = None

class ExceptHandler(excepthandler):
    'ExceptHandler(expr? type, identifier? name, stmt* body)'
    _fields = ('type', 'name', 'body')
    __match_args__ = ('type', 'name', 'body')
    type = None
    name = None

class Expr(stmt):
    'Expr(expr value)'
    _fields = ('value',)
    __match_args__ = ('value',)

class mod(AST):
    'mod = Module(stmt* body, type_ignore* type_ignores)\\n    | Interactive(stmt* body)\\n    | Expression(expr body)\\n    | FunctionType(expr* argtypes, expr returns)'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class Expression(mod):
    'Expression(expr body)'
    _fields = ('body',)
    __match_args__ = ('body',)

class FloorDiv(operator):
    'FloorDiv'
    _fields = ()
    __match_args__ = ()

class For(stmt):
    'For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)'
    _fields = ('target', 'iter', 'body', 'orelse', 'type_comment')
    __match_args__ = ('target', 'iter', 'body', 'orelse', 'type_comment')
    type_comment = None

class FormattedValue(expr):
    'FormattedValue(expr value, int conversion, expr? format_spec)'
    _fields = ('value', 'conversion', 'format_spec')
    __match_args__ = ('value', 'conversion', 'format_spec')
    format_spec = None

class FunctionDef(stmt):
    'FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)'
    _fields = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    __match_args__ = ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment')
    returns = None
    type_comment = None

class FunctionType(mod):
    'FunctionType(expr* argtypes, expr returns)'
    _fields = ('argtypes', 'returns')
    __match_args__ = ('argtypes', 'returns')

class GeneratorExp(expr):
    'GeneratorExp(expr elt, comprehension* generators)'
    _fields = ('elt', 'generators')
    __match_args__ = ('elt', 'generators')

class Global(stmt):
    'Global(identifier* names)'
    _fields = ('names',)
    __match_args__ = ('names',)

class Gt(cmpop):
    'Gt'
    _fields = ()
    __match_args__ = ()

class GtE(cmpop):
    'GtE'
    _fields = ()
    __match_args__ = ()

class If(stmt):
    'If(expr test, stmt* body, stmt* orelse)'
    _fields = ('test', 'body', 'orelse')
    __match_args__ = ('test', 'body', 'orelse')

class IfExp(expr):
    'IfExp(expr test, expr body, expr orelse)'
    _fields = ('test', 'body', 'orelse')
    __match_args__ = ('test', 'body', 'orelse')

class Import(stmt):
    'Import(alias* names)'
    _fields = ('names',)
    __match_args__ = ('names',)

class ImportFrom(stmt):
    'ImportFrom(identifier? module, alias* names, int? level)'
    _fields = ('module', 'names', 'level')
    __match_args__ = ('module', 'names', 'level')
    module = None
    level = None

class In(cmpop):
    'In'
    _fields = ()
    __match_args__ = ()

class Interactive(mod):
    'Interactive(stmt* body)'
    _fields = ('body',)
    __match_args__ = ('body',)

class unaryop(AST):
    'unaryop = Invert | Not | UAdd | USub'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class Invert(unaryop):
    'Invert'
    _fields = ()
    __match_args__ = ()

class Is(cmpop):
    'Is'
    _fields = ()
    __match_args__ = ()

class IsNot(cmpop):
    'IsNot'
    _fields = ()
    __match_args__ = ()

class JoinedStr(expr):
    'JoinedStr(expr* values)'
    _fields = ('values',)
    __match_args__ = ('values',)

class LShift(operator):
    'LShift'
    _fields = ()
    __match_args__ = ()

class Lambda(expr):
    'Lambda(arguments args, expr body)'
    _fields = ('args', 'body')
    __match_args__ = ('args', 'body')

class List(expr):
    'List(expr* elts, expr_context ctx)'
    _fields = ('elts', 'ctx')
    __match_args__ = ('elts', 'ctx')

class ListComp(expr):
    'ListComp(expr elt, comprehension* generators)'
    _fields = ('elt', 'generators')
    __match_args__ = ('elt', 'generators')

class Load(expr_context):
    'Load'
    _fields = ()
    __match_args__ = ()

class Lt(cmpop):
    'Lt'
    _fields = ()
    __match_args__ = ()

class LtE(cmpop):
    'LtE'
    _fields = ()
    __match_args__ = ()

class MatMult(operator):
    'MatMult'
    _fields = ()
    __match_args__ = ()

class Match(stmt):
    'Match(expr subject, match_case* cases)'
    _fields = ('subject', 'cases')
    __match_args__ = ('subject', 'cases')

class pattern(AST):
    'pattern = MatchValue(expr value)\\n        | MatchSingleton(constant value)\\n        | MatchSequence(pattern* patterns)\\n        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)\\n        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)\\n        | MatchStar(identifier? name)\\n        | MatchAs(pattern? pattern, identifier? name)\\n        | MatchOr(pattern* patterns)'
    _fields = ()
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ()

class MatchAs(pattern):
    'MatchAs(pattern? pattern, identifier? name)'
    _fields = ('pattern', 'name')
    __match_args__ = ('pattern', 'name')
    pattern = None
    name = None

class MatchClass(pattern):
    'MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)'
    _fields = ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')
    __match_args__ = ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')

class MatchMapping(pattern):
    'MatchMapping(expr* keys, pattern* patterns, identifier? rest)'
    _fields = ('keys', 'patterns', 'rest')
    __match_args__ = ('keys', 'patterns', 'rest')
    rest = None

class MatchOr(pattern):
    'MatchOr(pattern* patterns)'
    _fields = ('patterns',)
    __match_args__ = ('patterns',)

class MatchSequence(pattern):
    'MatchSequence(pattern* patterns)'
    _fields = ('patterns',)
    __match_args__ = ('patterns',)

class MatchSingleton(pattern):
    'MatchSingleton(constant value)'
    _fields = ('value',)
    __match_args__ = ('value',)

class MatchStar(pattern):
    'MatchStar(identifier? name)'
    _fields = ('name',)
    __match_args__ = ('name',)
    name = None

class MatchValue(pattern):
    'MatchValue(expr value)'
    _fields = ('value',)
    __match_args__ = ('value',)

class Mod(operator):
    'Mod'
    _fields = ()
    __match_args__ = ()

class Module(mod):
    'Module(stmt* body, type_ignore* type_ignores)'
    _fields = ('body', 'type_ignores')
    __match_args__ = ('body', 'type_ignores')

class Mult(operator):
    'Mult'
    _fields = ()
    __match_args__ = ()

class Name(expr):
    'Name(identifier id, expr_context ctx)'
    _fields = ('id', 'ctx')
    __match_args__ = ('id', 'ctx')

class NamedExpr(expr):
    'NamedExpr(expr target, expr value)'
    _fields = ('target', 'value')
    __match_args__ = ('target', 'value')

class Nonlocal(stmt):
    'Nonlocal(identifier* names)'
    _fields = ('names',)
    __match_args__ = ('names',)

class Not(unaryop):
    'Not'
    _fields = ()
    __match_args__ = ()

class NotEq(cmpop):
    'NotEq'
    _fields = ()
    __match_args__ = ()

class NotIn(cmpop):
    'NotIn'
    _fields = ()
    __match_args__ = ()

class Or(boolop):
    'Or'
    _fields = ()
    __match_args__ = ()

class Pass(stmt):
    'Pass'
    _fields = ()
    __match_args__ = ()

class Pow(operator):
    'Pow'
    _fields = ()
    __match_args__ = ()

class RShift(operator):
    'RShift'
    _fields = ()
    __match_args__ = ()

class Raise(stmt):
    'Raise(expr? exc, expr? cause)'
    _fields = ('exc', 'cause')
    __match_args__ = ('exc', 'cause')
    exc = None
    cause = None

class Return(stmt):
    'Return(expr? value)'
    _fields = ('value',)
    __match_args__ = ('value',)
    value = None

class Set(expr):
    'Set(expr* elts)'
    _fields = ('elts',)
    __match_args__ = ('elts',)

class SetComp(expr):
    'SetComp(expr elt, comprehension* generators)'
    _fields = ('elt', 'generators')
    __match_args__ = ('elt', 'generators')

class Slice(expr):
    'Slice(expr? lower, expr? upper, expr? step)'
    _fields = ('lower', 'upper', 'step')
    __match_args__ = ('lower', 'upper', 'step')
    lower = None
    upper = None
    step = None

class Starred(expr):
    'Starred(expr value, expr_context ctx)'
    _fields = ('value', 'ctx')
    __match_args__ = ('value', 'ctx')

class Store(expr_context):
    'Store'
    _fields = ()
    __match_args__ = ()

class Sub(operator):
    'Sub'
    _fields = ()
    __match_args__ = ()

class Subscript(expr):
    'Subscript(expr value, expr slice, expr_context ctx)'
    _fields = ('value', 'slice', 'ctx')
    __match_args__ = ('value', 'slice', 'ctx')

class Try(stmt):
    'Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)'
    _fields = ('body', 'handlers', 'orelse', 'finalbody')
    __match_args__ = ('body', 'handlers', 'orelse', 'finalbody')

class TryStar(stmt):
    'TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)'
    _fields = ('body', 'handlers', 'orelse', 'finalbody')
    __match_args__ = ('body', 'handlers', 'orelse', 'finalbody')

class Tuple(expr):
    'Tuple(expr* elts, expr_context ctx)'
    _fields = ('elts', 'ctx')
    __match_args__ = ('elts', 'ctx')

class type_ignore(AST):
    'type_ignore = TypeIgnore(int lineno, string tag)'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

class TypeIgnore(type_ignore):
    'TypeIgnore(int lineno, string tag)'
    _fields = ('lineno', 'tag')
    __match_args__ = ('lineno', 'tag')

class UAdd(unaryop):
    'UAdd'
    _fields = ()
    __match_args__ = ()

class USub(unaryop):
    'USub'
    _fields = ()
    __match_args__ = ()

class UnaryOp(expr):
    'UnaryOp(unaryop op, expr operand)'
    _fields = ('op', 'operand')
    __match_args__ = ('op', 'operand')

class While(stmt):
    'While(expr test, stmt* body, stmt* orelse)'
    _fields = ('test', 'body', 'orelse')
    __match_args__ = ('test', 'body', 'orelse')

class With(stmt):
    'With(withitem* items, stmt* body, string? type_comment)'
    _fields = ('items', 'body', 'type_comment')
    __match_args__ = ('items', 'body', 'type_comment')
    type_comment = None

class Yield(expr):
    'Yield(expr? value)'
    _fields = ('value',)
    __match_args__ = ('value',)
    value = None

class YieldFrom(expr):
    'YieldFrom(expr value)'
    _fields = ('value',)
    __match_args__ = ('value',)

class alias(AST):
    'alias(identifier name, identifier? asname)'
    _fields = ('name', 'asname')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ('name', 'asname')
    asname = None
    end_lineno = None
    end_col_offset = None

class arg(AST):
    'arg(identifier arg, expr? annotation, string? type_comment)'
    _fields = ('arg', 'annotation', 'type_comment')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ('arg', 'annotation', 'type_comment')
    annotation = None
    type_comment = None
    end_lineno = None
    end_col_offset = None

class arguments(AST):
    'arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)'
    _fields = ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')
    _attributes = ()
    __match_args__ = ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')
    vararg = None
    kwarg = None

class comprehension(AST):
    'comprehension(expr target, expr iter, expr* ifs, int is_async)'
    _fields = ('target', 'iter', 'ifs', 'is_async')
    _attributes = ()
    __match_args__ = ('target', 'iter', 'ifs', 'is_async')

class keyword(AST):
    'keyword(identifier? arg, expr value)'
    _fields = ('arg', 'value')
    _attributes = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')
    __match_args__ = ('arg', 'value')
    arg = None
    end_lineno = None
    end_col_offset = None

class match_case(AST):
    'match_case(pattern pattern, expr? guard, stmt* body)'
    _fields = ('pattern', 'guard', 'body')
    _attributes = ()
    __match_args__ = ('pattern', 'guard', 'body')
    guard = None

class withitem(AST):
    'withitem(expr context_expr, expr? optional_vars)'
    _fields = ('context_expr', 'optional_vars')
    _attributes = ()
    __match_args__ = ('context_expr', 'optional_vars')
    optional_vars = None

PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
`;

export function makeAst(): PyModule {
  const m = newBuiltinModule('_ast');
  runAppLevel(m, AST_SOURCE, 'ast');
  return m;
}
