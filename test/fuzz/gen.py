"""gen.py -- random C programs inside the subset fgcc differentiates.

Each program is a few static helpers and one FG_DIFF function

    FG_DIFF real P_f(int n, const int *iv, const real *x, real a, real b,
                     [struct S s,] real *out)

built from every arithmetic operator, the math.h functions of lib/rules.def
(arguments kept inside their domains: log(1 + e * e), pow(1.5 + sin(e), e)),
locals, local arrays, arrays of structs, nested loops whose bounds come from
the int data (n, iv[], loop counters: never from active values), branches on
inactive data and on active values, switch with fall-through, break and
continue, helpers with pointer outputs (called on locals, on out + k, on
struct members), recursion, compound assignments, ternaries and int/double
mixing. Every array has NX elements and every index is provably in
[0, NX): n is in [1, NX] and iv[k] in [0, NX) (the driver chooses them).

`real` is a typedef: the same source compiled with -DFG_REF makes it long
double and includes <tgmath.h>, so that every math call becomes its long
double variant. That build is the reference the derivative is checked
against (run.py, harness.h).

The generator also writes, for each program, the C driver code that calls
P_f, P_f_jvp and the reference ref_P_f through one flat vector of inputs:
v = [x[0..NX), a, b, s.a, s.b, out[0..NX)] and outputs y = [out[0..NX), ret].

Vector mode (fgcc --width K, which refuses structs carrying derivatives):
Gen(structs=False) leaves out struct S parameters, locals, arrays of structs
and struct helpers (`gen.py SEED --no-structs` prints such a program), and
Program(width=K) writes a driver calling P_f_jvpK on K directions, its
tangents interleaved (element j of direction k at j * K + k) with guard
values after each buffer.

Only the Python 3 standard library is used.
"""
import random
import re

# Math calls: (template, weight). {0} {1} {2} are real subexpressions, {i} a
# small int expression. Arguments are kept where the function is smooth and
# finite; kinks and jumps (fabs, fmin, floor, ...) are deliberate and rarer:
# the harness detects an unreliable finite difference and skips the point.
MATH = [
    ("exp(sin({0}))", 3), ("exp(0.25 * {0})", 2), ("exp2(tanh({0}))", 2), ("expm1(sin({0}))", 2),
    ("log(1 + {0} * {0})", 3), ("log2(1.5 + cos({0}))", 2), ("log10(2 + sin({0}))", 2),
    ("log1p({0} * {0})", 2), ("sqrt(1 + {0} * {0})", 3), ("cbrt(2 + sin({0}))", 2),
    ("pow({0}, 2)", 2), ("pow({0}, 3.0)", 2), ("pow(1.5 + sin({0}), {1})", 2),
    ("pow(1 + {0} * {0}, 0.5 * cos({1}))", 2), ("pow(2.0, tanh({0}))", 1),
    ("sin({0})", 4), ("cos({0})", 4), ("tan(tanh({0}))", 2), ("asin(0.9 * tanh({0}))", 2),
    ("acos(0.9 * sin({0}))", 2), ("atan({0})", 3), ("atan2({0}, 1.5 + cos({1}))", 2),
    ("atan2({0}, {1})", 1), ("sinh(tanh({0}))", 2), ("cosh(sin({0}))", 2), ("tanh({0})", 3),
    ("asinh({0})", 2), ("acosh(1.5 + {0} * {0})", 2), ("atanh(0.9 * tanh({0}))", 2),
    ("erf({0})", 2), ("erfc({0})", 2), ("hypot({0}, {1})", 2), ("hypot({0}, 1.0)", 1),
    ("fma({0}, {1}, {2})", 2), ("ldexp({0}, {i})", 1), ("scalbn({0}, -1)", 1),
    ("fabs({0})", 1), ("fmin({0}, {1})", 1), ("fmax({0}, {1})", 1), ("fdim({0}, {1})", 1),
    ("fmod({0}, 1.5 + {1} * {1})", 1), ("remainder({0}, 2.5)", 1), ("copysign({0}, {1})", 1),
    ("floor({0})", 1), ("ceil({0})", 1), ("round({0})", 1), ("trunc({0})", 1), ("rint({0})", 1),
    ("nearbyint({0})", 1),
]

CONSTS = ["0.5", "1.5", "2.0", "0.25", "3.0", "1.0", "0.75", "2", "3", "1.25", "0.125"]


class Fn:
    """One function being generated: its scopes, names and sink."""

    def __init__(self, gen, sink):
        self.g = gen
        self.scopes = [self.new_scope()]
        self.count = 0
        self.sink = sink       # an lvalue that absorbs otherwise unread locals
        self.loop_depth = 0
        self.switch_depth = 0
        self.top = False       # n and iv are in scope
        self.m = False         # a helper's int bound m is in scope

    @staticmethod
    def new_scope():
        return {"reals": [], "arrays": [], "ints": [], "idx": [], "structs": [], "sarrays": [],
                "decls": []}

    def fresh(self, base):
        self.count += 1
        return "%s%d" % (base, self.count)

    def all(self, kind):
        out = []
        for s in self.scopes:
            out += s[kind]
        return out

    def declare(self, kind, entry, name):
        self.scopes[-1][kind].append(entry)
        self.scopes[-1]["decls"].append((kind, name))


class Gen:
    def __init__(self, seed, prefix, nx=None, structs=True, openmp=False):
        self.r = random.Random(seed)
        self.prefix = prefix
        self.structs = structs  # False: no struct S parameters, locals or arrays (vector mode)
        self.openmp = openmp    # True: also OpenMP reduction loops (run.py --openmp)
        self.no_calls = False   # inside an OpenMP loop body: no helper calls (they may write shared data)
        self.nx = nx or self.r.choice([3, 4, 5])
        self.helpers = []      # (name, kind, signature info)
        self.lines = []
        self.depth = 0
        self.called = set()    # helpers called somewhere

    # ------------------------------------------------------------ output
    def emit(self, text):
        self.lines.append("  " * self.depth + text)

    # --------------------------------------------------------- choosing
    def pick(self, weighted):
        total = sum(w for _, w in weighted)
        x = self.r.uniform(0, total)
        for item, w in weighted:
            x -= w
            if x <= 0:
                return item
        return weighted[-1][0]

    def chance(self, p):
        return self.r.random() < p

    @staticmethod
    def use(name):
        """A name read by the expression being built (reads() finds them)."""
        return name

    @staticmethod
    def mark(text):
        return text

    def reads(self):
        """Names read so far in the current function, from its text: any
        identifier on a line except the variable an assignment or a
        declaration writes (-Wunused-but-set-variable counts x += e as a
        write only). Writes through subscripts count as writes too: an
        unneeded read added by sink_unread() is harmless."""
        out = set()
        for line in self.lines[self.fn_start:]:
            s = line.strip()
            if s.startswith(("static ", "FG_DIFF ", "#")):
                continue  # the signature; a directive reads nothing without -fopenmp
            m = re.match(r"^(?:\+\+|--)?(.*?)(?:\+\+|--)?;$", s)
            if m and (s.startswith(("++", "--")) or s.endswith(("++;", "--;"))):
                s = m.group(1) + " += 1;"  # ++x is a write, like x += 1
            m = (re.match(r"^(?:real|int|struct S)\s+\w+(?:\[\d+\])?\s*=\s*(.*)$", s) or
                 re.match(r"^\*?\w+((?:\[[^=]*\]|\.\w|->\w)*)\s*(?:=|\+=|-=|\*=|/=)\s*(.*)$", s))
            if m:
                s = " ".join(g for g in m.groups() if g)
            elif re.match(r"^(?:real|int|struct S)\s+\w+(\[\d+\])?;$", s) or re.match(r"^\w+(\+\+|--);$", s):
                continue
            out.update(re.findall(r"(?<![.>\w])[A-Za-z_]\w*", s))  # not member names
        return out

    # ------------------------------------------------------- int values
    def index(self, fn):
        """An int expression in [0, NX)."""
        nx = self.nx
        opts = [("%d" % self.r.randrange(nx), 2)]
        if fn.top:
            opts += [("iv[%d]" % self.r.randrange(4), 2), ("(n - 1)", 1)]
        for i in fn.all("idx"):
            opts += [(self.use(i), 4), ("(%s + %d) %% %d" % (self.use(i), self.r.randrange(1, nx), nx), 1),
                     ("%d - %s" % (nx - 1, self.use(i)), 1)]
        return self.mark(self.pick(opts))

    def bound(self, fn):
        """A loop bound in [0, NX]: from the int data, never from active values."""
        nx = self.nx
        opts = [("%d" % self.r.randrange(1, nx + 1), 1)]
        if fn.top:
            opts += [("n", 4), ("iv[%d] + 1" % self.r.randrange(4), 2), ("iv[%d]" % self.r.randrange(4), 1)]
        if fn.m:
            opts += [("m", 4)]
        for i in fn.all("idx"):
            opts += [(self.use(i), 2), ("%s + 1" % self.use(i), 1)]
        return self.mark(self.pick(opts))

    def small_int(self, fn):
        opts = [("%d" % self.r.randrange(0, 4), 1), ("(-%d)" % self.r.randrange(1, 3), 1)]
        if fn.top:
            opts += [("n", 2), ("iv[%d]" % self.r.randrange(4), 2)]
        if fn.m:
            opts += [("m", 2)]
        for k in fn.all("ints") + fn.all("idx"):
            opts.append((self.use(k), 2))
        return self.mark(self.pick(opts))

    # ------------------------------------------------------ real values
    def leaf(self, fn):
        opts = [(self.r.choice(CONSTS), 2)]
        for v in fn.all("reals"):
            opts.append((v, 5))
        for a in fn.all("arrays"):
            opts.append((a, 3))
        for s in fn.all("structs"):
            opts.append((s, 2))
        for s in fn.all("sarrays"):
            opts.append((s, 1))
        opts.append(("int", 1))
        choice = self.pick(opts)
        if choice in fn.all("reals"):
            return self.use(choice)
        if choice in fn.all("arrays"):
            return "%s[%s]" % (self.use(choice), self.index(fn))
        if choice in fn.all("structs"):
            return "%s%s" % (self.use_struct(choice), self.r.choice("ab"))
        if choice in fn.all("sarrays"):
            return "%s[%s].%s" % (self.use(choice), self.index(fn), self.r.choice("ab"))
        if choice == "int":
            return self.r.choice(["(real)%s", "%s * 0.5", "(%s + 0.5)"]) % self.small_int(fn)
        return choice

    def use_struct(self, access):
        """s. or p-> : mark the variable read, return the access prefix."""
        self.use(access.rstrip(".->"))
        return access

    def rexpr(self, fn, d):
        if d <= 0 or self.chance(0.2):
            return self.leaf(fn)
        kind = self.pick([("bin", 30), ("div", 6), ("neg", 3), ("math", 24), ("cond", 5), ("int", 4),
                          ("call", 3)])
        sub = lambda: self.rexpr(fn, d - 1)
        if kind == "bin":
            return "(%s %s %s)" % (sub(), self.r.choice("+-*"), sub())
        if kind == "div":
            # denominators stay away from 0: a pole inside the program (tanh(1 / 0)
            # is finite) gives inf * 0 in any forward mode
            tpl = self.r.choice(["(%s / (1.5 + %s))", "(%s / (2 + cos(%s)))", "(%s / 4 + %s / (2.5 - sin(%s)))",
                                 "(%s / %s)"])
            if tpl == "(%s / %s)":
                return tpl % (sub(), self.r.choice(CONSTS))
            if tpl == "(%s / (1.5 + %s))":
                e = sub()
                return tpl % (sub(), "%s * %s" % (e, e))
            return tpl % tuple(sub() for _ in range(tpl.count("%s")))
        if kind == "neg":
            return "(-%s)" % sub()
        if kind == "math":
            tpl = self.pick(MATH)
            args = [sub() for k in range(3) if "{%d}" % k in tpl]
            # an int literal argument (fabs(-3)) draws -Wabsolute-value
            args = ["(real)" + a if re.fullmatch(r"[-\d() ]+", a) else a for a in args]
            return tpl.format(*args, i=self.r.randrange(-2, 3))
        if kind == "cond":
            return "(%s ? %s : %s)" % (self.cond(fn, d - 1), sub(), sub())
        if kind == "int":
            return self.r.choice(["(%s * %s)", "(%s + %s)", "(%s - %s / 2)"]) % (sub(), self.small_int(fn))
        return (None if self.no_calls else self.call_expr(fn, d - 1)) or sub()

    def cond(self, fn, d):
        """A condition: on inactive int data, or comparing active values."""
        kind = self.pick([("int", 3), ("real", 3), ("mixed", 1), ("not", 1)])
        if kind == "int":
            return "(%s %s %s)" % (self.small_int(fn), self.r.choice(["<", ">", "==", "!=", "<=", ">="]),
                                   self.r.randrange(0, self.nx))
        if kind == "real":
            return "(%s %s %s)" % (self.rexpr(fn, d), self.r.choice(["<", ">", "<=", ">="]), self.rexpr(fn, d))
        if kind == "mixed":  # one int and one real comparison: never tautological
            ic = "(%s %s %d)" % (self.small_int(fn), self.r.choice(["<", ">", "=="]), self.r.randrange(0, self.nx))
            rc = "(%s < %s)" % (self.rexpr(fn, d), self.rexpr(fn, d))
            return "(%s %s %s)" % (ic, self.r.choice(["&&", "||"]), rc)
        return "(!%s)" % self.cond(fn, d - 1)

    # ------------------------------------------------------------ calls
    def args_for(self, fn, params):
        """Arguments for a helper's parameters, or None when one cannot be made."""
        return self.try_args(fn, params)

    def try_args(self, fn, params):
        out = []
        for p in params:
            if p == "real":
                out.append(self.rexpr(fn, 1) if self.chance(0.85) else self.r.choice(CONSTS))
            elif p == "int":
                out.append(self.bound(fn))
            elif p == "carr":
                arrs = fn.all("arrays")
                if not arrs:
                    return None
                out.append(self.use(self.r.choice(arrs)))
            elif p == "arr":
                arrs = [a for a in fn.all("arrays") if a in fn.g_writable]
                if not arrs:
                    return None
                out.append(self.use(self.r.choice(arrs)))
            elif p == "rptr":
                cands = ["&%s" % v for v in fn.all("reals") if v in fn.g_writable]
                cands += ["&%s[%s]" % (a, self.index(fn)) for a in fn.all("arrays") if a in fn.g_writable]
                cands += ["%s + %d" % (a, self.r.randrange(self.nx)) for a in fn.all("arrays")
                          if a in fn.g_writable]
                cands += ["&%s%s" % (s, self.r.choice("ab")) for s in fn.all("structs") if s in fn.g_writable]
                if not cands:
                    return None
                out.append(self.mark(self.r.choice(cands)))
            elif p == "struct":
                ss = [s for s in fn.all("structs") if s.endswith(".")]
                if not ss:
                    return None
                out.append(self.use_struct(self.r.choice(ss)).rstrip("."))
            elif p == "sptr":
                ss = [s for s in fn.all("structs") if s.endswith(".") and s in fn.g_writable]
                if not ss:
                    return None
                out.append("&" + self.use_struct(self.r.choice(ss)).rstrip("."))
        return out

    def call_expr(self, fn, d):
        """A call to a helper returning real, as an expression."""
        cands = [h for h in self.helpers if h[1] == "real"]
        if not cands:
            return None
        name, _, params = self.r.choice(cands)
        args = self.args_for(fn, params)
        if args is None:
            return None
        self.called.add(name)
        return "%s(%s)" % (name, ", ".join(args))

    def call_stmt(self, fn):
        cands = [h for h in self.helpers if h[1] == "void"]
        if not cands:
            return False
        name, _, params = self.r.choice(cands)
        return self.call_helper(fn, name, params)

    def call_helper(self, fn, name, params):
        args = self.args_for(fn, params)
        if args is None:
            return False
        self.called.add(name)
        self.emit("%s(%s);" % (name, ", ".join(args)))
        return True

    def call_uncalled(self, fn):
        """Every helper is called (else -Wunused-function), from the FG_DIFF
        function at its end if nothing called it before."""
        for name, ret, params in self.helpers:
            if name in self.called:
                continue
            if "struct" in params and not [s for s in fn.all("structs") if s.endswith(".")]:
                sv = fn.fresh("sv")
                self.emit("struct S %s = {%s, %s};" % (sv, self.rexpr(fn, 1), self.rexpr(fn, 1)))
                fn.scopes[-1]["structs"].append(sv + ".")
                fn.g_writable.add(sv + ".")
            if ret == "real":
                args = self.args_for(fn, params)
                self.emit("%s += %s(%s);" % (fn.sink, name, ", ".join(args)))
                self.called.add(name)
            else:
                self.call_helper(fn, name, params)

    # ------------------------------------------------------- statements
    def writable_lvalue(self, fn):
        opts = []
        for v in fn.all("reals"):
            if v in fn.g_writable:
                opts.append(v)
        for a in fn.all("arrays"):
            if a in fn.g_writable:
                opts.append("%s[%s]" % (a, self.index(fn)))
        for s in fn.all("structs"):
            if s in fn.g_writable:
                opts.append("%s%s" % (s, self.r.choice("ab")))
        for s in fn.all("sarrays"):
            opts.append("%s[%s].%s" % (s, self.index(fn), self.r.choice("ab")))
        return self.r.choice(opts) if opts else None

    def stmt_assign(self, fn):
        lv = self.writable_lvalue(fn)
        if not lv:
            return
        e = self.rexpr(fn, self.r.randrange(1, 4))
        op = self.pick([("=", 3), ("+=", 3), ("-=", 2), ("*=", 2), ("/=", 1), ("?", 1)])
        if op == "*=":
            e = self.r.choice(["cos(%s)", "tanh(%s)", "(0.5 + 0.25 * sin(%s))", "%s"]) % e
        elif op == "/=":
            e = self.r.choice(["(1.5 + %s * %s)", "(2 + sin(%s))"]).replace("%s", e)
        elif op == "?":
            op, e = "=", "%s ? %s : %s" % (self.cond(fn, 1), e, self.rexpr(fn, 1))
        if lv == e:
            e = "(%s + 0.5)" % e  # not x = x (-Wself-assign)
        self.emit("%s %s %s;" % (lv, op, e))

    def stmt_decl_real(self, fn):
        name = fn.fresh("t")
        self.emit("real %s = %s;" % (name, self.rexpr(fn, self.r.randrange(1, 4))))
        fn.declare("reals", name, name)
        fn.g_writable.add(name)

    def stmt_decl_int(self, fn):
        name = fn.fresh("k")
        form = self.pick([("%s * 2 - 1", 2), ("%s + %s", 2), ("(int)(%s)", 1), ("%s / 2", 1)])
        if form == "(int)(%s)":
            e = form % self.rexpr(fn, 1)
        else:
            e = form % tuple(self.small_int(fn) for _ in range(form.count("%s")))
        self.emit("int %s = %s;" % (name, e))
        fn.declare("ints", name, name)

    def stmt_decl_array(self, fn):
        name = fn.fresh("w")
        if self.chance(0.4):
            self.emit("real %s[%d] = {%s};" % (name, self.nx, ", ".join(self.rexpr(fn, 1) for _ in range(self.nx))))
        else:
            i = fn.fresh("i")
            self.emit("real %s[%d];" % (name, self.nx))
            self.emit("for (int %s = 0; %s < %d; %s++)" % (i, i, self.nx, i))
            fn.scopes.append(Fn.new_scope())
            fn.scopes[-1]["idx"].append(i)
            self.depth += 1
            self.emit("%s[%s] = %s;" % (name, i, self.rexpr(fn, 2)))
            self.depth -= 1
            fn.scopes.pop()
        fn.declare("arrays", name, name)
        fn.g_writable.add(name)

    def stmt_decl_struct(self, fn):
        name = fn.fresh("sv")
        self.emit("struct S %s = {%s, %s};" % (name, self.rexpr(fn, 2), self.rexpr(fn, 2)))
        fn.declare("structs", name + ".", name)
        fn.g_writable.add(name + ".")

    def stmt_decl_sarray(self, fn):
        name, i = fn.fresh("sa"), fn.fresh("i")
        self.emit("struct S %s[%d];" % (name, self.nx))
        self.emit("for (int %s = 0; %s < %d; %s++) {" % (i, i, self.nx, i))
        fn.scopes.append(Fn.new_scope())
        fn.scopes[-1]["idx"].append(i)
        self.depth += 1
        self.emit("%s[%s].a = %s;" % (name, i, self.rexpr(fn, 2)))
        self.emit("%s[%s].b = %s;" % (name, i, self.rexpr(fn, 2)))
        self.depth -= 1
        fn.scopes.pop()
        self.emit("}")
        fn.declare("sarrays", name, name)

    def block(self, fn, budget, depth, extra=None):
        """{ statements }: the caller printed the opening line ending in '{'."""
        fn.scopes.append(Fn.new_scope())
        if extra:
            for kind, name in extra:
                fn.scopes[-1][kind].append(name)
        self.depth += 1
        self.stmts(fn, budget, depth)
        self.sink_unread(fn, fn.scopes[-1])
        self.depth -= 1
        fn.scopes.pop()
        self.emit("}")

    def stmt_for(self, fn, budget, depth):
        i = fn.fresh("i")
        b = self.bound(fn)
        if self.chance(0.2):
            self.emit("for (int %s = %s - 1; %s >= 0; %s--) {" % (i, b, i, i))
        else:
            self.emit("for (int %s = 0; %s < %s; %s++) {" % (i, i, b, i))
        fn.loop_depth += 1
        self.block(fn, budget, depth, [("idx", i)])
        fn.loop_depth -= 1

    def stmt_omp(self, fn):
        """An OpenMP reduction loop: each iteration reads shared data only,
        computes a private local, and adds to the reduction variable."""
        r, i, t = fn.fresh("r"), fn.fresh("i"), fn.fresh("t")
        b = self.bound(fn)
        self.emit("real %s = 0;" % r)
        self.emit("#pragma omp parallel for reduction(%s:%s) schedule(%s)" %
                  (self.r.choice("+-"), r, self.r.choice(["static", "static, 1", "dynamic", "guided"])))
        self.emit("for (int %s = 0; %s < %s; %s++) {" % (i, i, b, i))
        fn.scopes.append(Fn.new_scope())
        fn.scopes[-1]["idx"].append(i)
        self.depth += 1
        self.no_calls = True
        self.emit("real %s = %s;" % (t, self.rexpr(fn, self.r.randrange(1, 4))))
        fn.declare("reals", t, t)
        form = self.r.choice(["%s * %s", "%s + %s", "%s * (0.5 + 0.25 * sin(%s))"])
        self.emit("%s += %s;" % (r, form % (t, self.rexpr(fn, self.r.randrange(1, 3)))))
        self.no_calls = False
        self.depth -= 1
        fn.scopes.pop()
        self.emit("}")
        fn.declare("reals", r, r)
        fn.g_writable.add(r)

    def stmt_while(self, fn, budget, depth):
        k = fn.fresh("k")
        self.emit("int %s = %s;" % (k, self.bound(fn)))
        self.use(k)
        if self.chance(0.5):
            self.emit("while (%s-- > 0) {" % k)
            fn.loop_depth += 1
            self.block(fn, budget, depth, [("idx", k)])
            fn.loop_depth -= 1
        else:  # runs at least once; k stays an index in [0, NX) inside
            self.emit("%s = %s %% %d;" % (k, k, self.nx))
            self.emit("do {")
            fn.scopes.append(Fn.new_scope())
            fn.scopes[-1]["idx"].append(k)
            self.depth += 1
            saved = fn.loop_depth
            fn.loop_depth = 0  # no continue/break: the increment must run
            self.stmts(fn, budget, depth)
            fn.loop_depth = saved
            self.emit("%s++;" % k)
            self.sink_unread(fn, fn.scopes[-1])
            self.depth -= 1
            fn.scopes.pop()
            self.emit("} while (%s < %s);" % (k, self.bound(fn)))

    def stmt_if(self, fn, budget, depth):
        self.emit("if %s {" % self.cond(fn, 2))
        self.block(fn, budget // 2 + 1, depth)
        if self.chance(0.5):
            self.emit("else {")
            self.block(fn, budget // 2 + 1, depth)

    def stmt_switch(self, fn, budget, depth):
        self.emit("switch (%s) {" % self.small_int(fn))
        cases = self.r.sample(range(0, self.nx), self.r.randrange(1, min(3, self.nx) + 1))
        fn.switch_depth += 1
        for ci, c in enumerate(cases):
            self.emit("case %d: {" % c)
            fn.scopes.append(Fn.new_scope())
            self.depth += 1
            self.stmts(fn, max(1, budget // 3), depth)
            self.sink_unread(fn, fn.scopes[-1])
            if self.chance(0.6) or ci == len(cases) - 1:
                self.emit("break;")
                self.depth -= 1
                self.emit("}")
            else:
                self.depth -= 1
                self.emit("}")
                self.emit("/* fall through */")
            fn.scopes.pop()
        self.emit("default:")
        self.depth += 1
        self.stmt_assign(fn)
        self.emit("break;")
        self.depth -= 1
        fn.switch_depth -= 1
        self.emit("}")

    def stmt_jump(self, fn):
        if fn.loop_depth == 0:
            return
        self.emit("if %s" % self.cond(fn, 1))
        self.depth += 1
        self.emit(self.r.choice(["break;", "continue;"]))
        self.depth -= 1

    def stmt(self, fn, budget, depth):
        opts = [("assign", 10), ("decl", 5), ("int", 1), ("call", 3)]
        if depth > 0 and budget > 2:
            opts += [("for", 4), ("if", 4), ("while", 1), ("switch", 1)]
        if depth > 0 and budget > 4:
            opts += [("array", 2)] + ([("struct", 1), ("sarray", 1)] if self.structs else [])
        opts += [("jump", 1), ("incdec", 1)]
        if fn.top and depth > 0:
            opts += [("heap", 1), ("ptr", 1), ("goto", 1)]
        if self.openmp and depth > 0:
            opts += [("omp", 3)]
        kind = self.pick(opts)
        inner = max(1, budget // 2)
        nested = {"for": self.stmt_for, "if": self.stmt_if, "while": self.stmt_while,
                  "switch": self.stmt_switch, "goto": self.stmt_goto}
        single = {"assign": self.stmt_assign, "decl": self.stmt_decl_real, "int": self.stmt_decl_int,
                  "array": self.stmt_decl_array, "struct": self.stmt_decl_struct, "sarray": self.stmt_decl_sarray,
                  "jump": self.stmt_jump, "incdec": self.stmt_incdec, "heap": self.stmt_heap, "ptr": self.stmt_ptr,
                  "omp": self.stmt_omp}
        if kind == "call":
            if not self.call_stmt(fn):
                self.stmt_assign(fn)
        elif kind in nested:
            nested[kind](fn, inner, depth - 1)
        else:
            single[kind](fn)
        return 1 if kind in ("assign", "decl", "int", "call", "jump", "incdec") else 3

    def stmt_incdec(self, fn):
        lv = self.writable_lvalue(fn)
        if lv:
            self.emit(self.r.choice(["%s++;", "%s--;", "++%s;", "--%s;"]) % lv)

    def stmt_heap(self, fn):
        """A malloc'd (or calloc'd) buffer filled, read and freed in one block."""
        h, i = fn.fresh("hp"), fn.fresh("i")
        self.emit("{")
        self.depth += 1
        if self.chance(0.5):
            self.emit("real *%s = malloc(%d * sizeof *%s);" % (h, self.nx, h))
        else:
            self.emit("real *%s = calloc(%d, sizeof(real));" % (h, self.nx))
        self.emit("for (int %s = 0; %s < %d; %s++)" % (i, i, self.nx, i))
        fn.scopes.append(Fn.new_scope())
        fn.scopes[-1]["idx"].append(i)
        self.emit("  %s[%s] = %s;" % (h, i, self.rexpr(fn, 2)))
        fn.scopes.pop()
        self.emit("%s += %s[%s] * %s;" % (fn.sink, h, self.index(fn), self.rexpr(fn, 1)))
        self.emit("free(%s);" % h)
        self.depth -= 1
        self.emit("}")

    def stmt_ptr(self, fn):
        """A pointer into out moved by an int offset: p[0], *p written."""
        p, c = fn.fresh("pt"), self.r.randrange(self.nx)
        self.emit("real *%s = out + %d;" % (p, c))
        self.emit(self.r.choice(["*%s %s %s;", "%s[0] %s %s;"]) %
                  (p, self.r.choice(["=", "+=", "*="]), self.rexpr(fn, 2)))
        self.emit("%s += *%s;" % (fn.sink, p))

    def stmt_goto(self, fn, budget, depth):
        """if (c) goto L; <statements skipped>; L:;"""
        label = fn.fresh("skip")
        self.emit("if %s" % self.cond(fn, 1))
        self.emit("  goto %s;" % label)
        self.emit("{")
        fn.scopes.append(Fn.new_scope())
        self.depth += 1
        self.stmts(fn, budget, depth)
        self.sink_unread(fn, fn.scopes[-1])
        self.depth -= 1
        fn.scopes.pop()
        self.emit("}")
        self.emit("%s:;" % label)

    def stmts(self, fn, budget, depth):
        n = 0
        while n < budget:
            n += self.stmt(fn, budget - n, depth)

    def sink_unread(self, fn, scope):
        """Locals nobody read would draw -Wunused warnings: add them to the sink."""
        read = self.reads()
        for kind, name in scope["decls"]:
            if name in read:
                continue
            if kind == "arrays":
                self.emit("%s += %s[%s];" % (fn.sink, self.use(name), self.index(fn)))
            elif kind == "sarrays":
                self.emit("%s += %s[0].a;" % (fn.sink, self.use(name)))
            elif kind == "structs":
                self.emit("%s += %s.b;" % (fn.sink, self.use(name)))
            else:
                self.emit("%s += %s;" % (fn.sink, self.use(name)))

    # --------------------------------------------------------- functions
    def params_read(self, fn, params):
        read = self.reads()
        for kind, name in params:
            if name.rstrip(".") in read:
                continue
            if kind in ("arrays", "carr"):
                self.emit("%s += %s[%d];" % (fn.sink, self.use(name), self.r.randrange(self.nx)))
            elif kind == "structs":
                self.emit("%s += %s%s;" % (fn.sink, self.use_struct(name), self.r.choice("ab")))
            elif kind == "sptr":
                self.emit("%s += %s->a;" % (fn.sink, self.use(name)))
            else:
                self.emit("%s += %s;" % (fn.sink, self.use(name)))

    def helper(self, hi):
        """One static helper; its kind decides the signature. It may call
        the helpers defined before it."""
        kind = self.pick([("ret", 4), ("vec", 3), ("scal", 3)] + ([("struct", 2)] if self.structs else []) +
                         [("rec", 1)])
        name = "%sh%d" % (self.prefix, hi)
        self.fn_start = len(self.lines)
        if kind == "ret":
            params = [("real", "a"), ("real", "b"), ("int", "m")]
            fn = self.helper_fn("static real %s(real a, real b, int m)" % name, "acc", ["a", "b"], [], [], True)
            self.emit("real acc = %s;" % self.rexpr(fn, 2))
            fn.scopes[0]["reals"].append("acc")
            fn.g_writable.add("acc")
            self.helper_body(fn, 5, [("reals", "a"), ("reals", "b"), ("ints", "m")])
            self.emit("return acc;")
        elif kind == "vec":
            params = [("carr", "v"), ("real", "c"), ("int", "m"), ("arr", "res")]
            fn = self.helper_fn("static void %s(const real *v, real c, int m, real *res)" % name, "res[0]", ["c"],
                                ["v", "res"], [], True)
            fn.g_writable.discard("v")
            self.helper_body(fn, 5, [("carr", "v"), ("reals", "c"), ("ints", "m"), ("arrays", "res")])
        elif kind == "scal":
            params = [("real", "a"), ("rptr", "r")]
            fn = self.helper_fn("static void %s(real a, real *r)" % name, "*r", ["a"], [], [], False)
            self.emit("*r %s %s;" % (self.r.choice(["=", "+=", "*="]), self.rexpr(fn, 3)))
            self.helper_body(fn, 3, [("reals", "a")])
        elif kind == "struct":
            params = [("struct", "s"), ("sptr", "p"), ("real", "c")]
            fn = self.helper_fn("static void %s(struct S s, struct S *p, real c)" % name, "p->a", ["c"], [],
                                ["s.", "p->"], False)
            self.emit("p->b %s %s;" % (self.r.choice(["=", "+="]), self.rexpr(fn, 3)))
            self.helper_body(fn, 3, [("structs", "s."), ("reals", "c")])
        else:  # recursion on an int depth
            params = [("real", "a"), ("int", "m")]
            fn = self.helper_fn("static real %s(real a, int m)" % name, "a", ["a"], [], [], True)
            self.emit("if (m <= 0)")
            self.emit("  return a * %s;" % self.rexpr(fn, 2))
            self.emit("return %s + %s(%s, m - 1);" % (self.rexpr(fn, 2), name, self.rexpr(fn, 1)))
        self.depth -= 1
        self.emit("}")
        self.emit("")
        self.helpers.append((name, "real" if "static real" in fn.sig else "void", [p for p, _ in params]))

    def helper_fn(self, sig, sink, reals, arrays, structs, has_m):
        """Open a helper: its signature line and the names in scope."""
        fn = Fn(self, sink)
        fn.sig = sig
        fn.m = has_m
        fn.g_writable = set(reals) | set(arrays) | set(structs)
        fn.g_writable.discard("s.")
        fn.scopes[0]["reals"] += reals
        fn.scopes[0]["arrays"] += arrays
        fn.scopes[0]["structs"] += structs
        self.emit(sig + " {")
        self.depth += 1
        return fn

    def helper_body(self, fn, budget, params):
        """Statements, then every parameter read at least once (-Wunused-parameter)."""
        self.stmts(fn, self.r.randrange(1, budget), 1)
        self.sink_unread(fn, fn.scopes[-1])
        self.params_read(fn, params)

    def top(self):
        """The FG_DIFF function."""
        self.fn_start = len(self.lines)
        r = self.r
        self.has_struct = r.random() < 0.6 and self.structs
        self.has_ret = r.random() < 0.5
        act = {"x": True, "a": True, "b": True, "s": self.has_struct}
        wrt = set()
        if r.random() < 0.3:
            cands = ["x", "a", "b"] + (["s"] if self.has_struct else [])
            wrt = set(r.sample(cands, r.randrange(1, len(cands) + 1)))
            act = {k: (k in wrt) for k in act}
        self.active = act
        w = lambda k: "FG_WRT " if k in wrt else ""
        params = ["int n", "const int *iv", "%sconst real *x" % w("x"), "%sreal a" % w("a"), "%sreal b" % w("b")]
        if self.has_struct:
            params.append("%sstruct S s" % w("s"))
        params.append("real *out")
        name = "%sf" % self.prefix
        self.emit("FG_DIFF %s %s(%s) {" % ("real" if self.has_ret else "void", name, ", ".join(params)))
        self.depth += 1
        fn = Fn(self, "out[%d]" % r.randrange(self.nx))
        fn.top = True
        fn.g_writable = {"a", "b", "out", "s."}
        fn.scopes[0]["reals"] += ["a", "b"]
        fn.scopes[0]["arrays"] += ["x", "out"]
        if self.has_struct:
            fn.scopes[0]["structs"].append("s.")
        if self.has_ret:
            self.emit("real ret = %s;" % self.rexpr(fn, 2))
            fn.declare("reals", "ret", "ret")
            fn.g_writable.add("ret")
        self.stmts(fn, r.randrange(4, 14), 3)
        self.call_uncalled(fn)
        if self.has_ret and r.random() < 0.2:
            self.emit("if %s" % self.cond(fn, 1))
            self.emit("  return %s;" % self.rexpr(fn, 2))
        self.sink_unread(fn, {"decls": [d for d in fn.scopes[0]["decls"] if d[1] != "ret"]})
        self.params_read(fn, [("ints", "n"), ("carr", "iv"), ("carr", "x"), ("reals", "a"), ("reals", "b"),
                              ("arrays", "out")] +
                         ([("structs", "s.")] if self.has_struct else []))
        if self.has_ret:
            self.emit("return ret + %s;" % self.rexpr(fn, 1))
        self.depth -= 1
        self.emit("}")

    def program(self):
        for hi in range(self.r.randrange(0, 4)):
            self.helper(hi)
        self.top()
        return "\n".join(self.lines) + "\n"


# ------------------------------------------------------------------ files

HEADER = """\
#include <fgcc.h>
#ifdef FG_REF
#include <tgmath.h>
typedef long double real;
#define S ref_S
%(renames)s
#else
#include <math.h>
typedef double real;
#endif
#include <stdlib.h>
struct S { real a; real b; };

"""


def source(progs):
    """The C file holding the programs (a list of Program)."""
    renames = "\n".join("#define %sf ref_%sf" % (p.prefix, p.prefix) for p in progs)
    return HEADER % {"renames": renames} + "\n".join(p.text for p in progs)


class Program:
    """A generated program: its text and what the driver needs to call it."""

    def __init__(self, seed, prefix, structs=True, width=1, openmp=False):
        g = Gen(seed, prefix, structs=structs, openmp=openmp)
        self.seed, self.prefix, self.width = seed, prefix, width
        self.text = g.program()
        self.nx, self.has_struct, self.has_ret, self.active = g.nx, g.has_struct, g.has_ret, g.active

    def driver(self):
        """C code: the three ways of running P_f on the flat input vector."""
        P, nx = self.prefix, self.nx
        nin, nout = 2 * nx + 4, nx + 1
        ret = "real" if self.has_ret else "void"
        act = self.active
        sp = ", struct S s" if self.has_struct else ""
        spl = ", struct ref_S s" if self.has_struct else ""
        proto = "%s %sf(int n, const int *iv, const real *x, real a, real b%s, real *out);" % (ret, P, sp)
        lret = "long double" if self.has_ret else "void"
        lproto = ("%s ref_%sf(int n, const int *iv, const long double *x, long double a, long double b%s, "
                  "long double *out);" % (lret, P, spl))
        jp = ["int n", "const int *iv", "const real *x"] + (["const real *x_dot"] if act["x"] else [])
        jp += ["real a"] + (["real a_dot"] if act["a"] else []) + ["real b"] + (["real b_dot"] if act["b"] else [])
        if self.has_struct:
            jp += ["struct S s"] + (["struct S s_dot"] if act["s"] else [])
        jp += ["real *out", "real *out_dot"] + (["real *ret_dot"] if self.has_ret else [])
        jproto = "%s %sf_jvp(%s);" % (ret, P, ", ".join(jp))
        mask = [act["x"]] * nx + [act["a"], act["b"], act["s"], act["s"]] + [True] * nx

        def unpack(T, v):
            s = ("  %s x[%d], out[%d];\n  for (int i = 0; i < %d; i++) {\n    x[i] = %s[i];\n"
                 "    out[i] = %s[%d + i];\n  }\n" % (T, nx, nx, nx, v, v, nx + 4))
            return s

        sv = lambda T, v: ("  struct %s s = {%s[%d], %s[%d]};\n" % (T, v, nx + 2, v, nx + 3)) if self.has_struct else ""
        sarg = ", s" if self.has_struct else ""
        res = lambda y, call: ("  %s[%d] = %s;\n" % (y, nx, call) if self.has_ret else
                               "  %s;\n  %s[%d] = 0;\n" % (call, y, nx))
        outs = lambda y: "  for (int i = 0; i < %d; i++)\n    %s[i] = out[i];\n" % (nx, y)
        c = ["/* ---- %s (seed %d) */" % (P, self.seed), proto, lproto, jproto]
        c.append("static void %srun(const double *v, int n, const int *iv, double *y) {" % P)
        c.append(unpack("double", "v") + sv("S", "v") +
                 res("y", "%sf(n, iv, x, v[%d], v[%d]%s, out)" % (P, nx, nx + 1, sarg)) + outs("y") + "}")
        c.append("static void %sref(const long double *v, int n, const int *iv, long double *y) {" % P)
        c.append(unpack("long double", "v") + sv("ref_S", "v") +
                 res("y", "ref_%sf(n, iv, x, v[%d], v[%d]%s, out)" % (P, nx, nx + 1, sarg)) + outs("y") + "}")
        body = "static void %sjvp(const double *v, const double *dv, int n, const int *iv, double *y, " \
               "double *dy) {\n" % P
        body += unpack("double", "v") + sv("S", "v")
        body += "  double x_dot[%d], out_dot[%d];\n  for (int i = 0; i < %d; i++) {\n" % (nx, nx, nx)
        body += "    x_dot[i] = dv[i];\n    out_dot[i] = dv[%d + i];\n  }\n" % (nx + 4)
        if self.has_struct:
            body += "  struct S s_dot = {dv[%d], dv[%d]};\n" % (nx + 2, nx + 3)
        a = ["n", "iv", "x"] + (["x_dot"] if act["x"] else []) + ["v[%d]" % nx] + (["dv[%d]" % nx] if act["a"] else [])
        a += ["v[%d]" % (nx + 1)] + (["dv[%d]" % (nx + 1)] if act["b"] else [])
        if self.has_struct:
            a += ["s"] + (["s_dot"] if act["s"] else [])
        a += ["out", "out_dot"] + (["&dy[%d]" % nx] if self.has_ret else [])
        body += res("y", "%sf_jvp(%s)" % (P, ", ".join(a)))
        if not self.has_ret:
            body += "  dy[%d] = 0;\n" % nx
        body += outs("y") + "  for (int i = 0; i < %d; i++)\n    dy[i] = out_dot[i];\n" % nx
        body += "  (void)x_dot;\n"
        if self.width == 1:
            c.append(body + "}")
        c.append("static const int %smask[] = {%s};" % (P, ", ".join("1" if m else "0" for m in mask)))
        if self.width > 1:
            c[3] = self.jvpw_proto()
            c.append(self.jvpw())
            c.append('static const FzProg %sprog = {"%s", %d, %d, %d, %d, %smask, %srun, %sref, 0, %d, %sjvpw};' %
                     (P, P, self.seed, nx, nin, nout, P, P, P, self.width, P))
        else:
            c.append('static const FzProg %sprog = {"%s", %d, %d, %d, %d, %smask, %srun, %sref, %sjvp};' %
                     (P, P, self.seed, nx, nin, nout, P, P, P, P))
        return "\n".join(c) + "\n"

    def jvpw_proto(self):
        """The prototype of P_fK_jvp, fgcc --width K: flat interleaved tangents."""
        act, ret = self.active, "real" if self.has_ret else "void"
        jp = ["int n", "const int *iv", "const real *x"] + (["const real *x_dot"] if act["x"] else [])
        jp += ["real a"] + (["const double *a_dot"] if act["a"] else [])
        jp += ["real b"] + (["const double *b_dot"] if act["b"] else [])
        jp += ["real *out", "real *out_dot"] + (["real *ret_dot"] if self.has_ret else [])
        return "%s %sf_jvp%d(%s);" % (ret, self.prefix, self.width, ", ".join(jp))

    def jvpw(self):
        """C code: P_f_jvpK on K directions at once. dv holds the K directions
        one after the other (dv[k * nin + i]), dy the K tangents of y
        (dy[k * nout + i]); the tangents fgcc sees are interleaved: element j
        of direction k at j * K + k. Guard values after every tangent buffer
        catch writes past its end: the function returns 1 when one changed."""
        P, nx, K, act = self.prefix, self.nx, self.width, self.active
        nin, nout = 2 * nx + 4, nx + 1
        G = "(-1234.5 - %d)"  # the guard values: index-dependent, never a tangent written by the program
        c = ["static int %sjvpw(const double *v, const double *dv, int n, const int *iv, double *y, double *dy) {"
             % P]
        c.append("  double x[%d], out[%d], x_dot[%d], out_dot[%d], a_dot[%d], b_dot[%d], ret_dot[%d];" %
                 (nx, nx, (nx + 1) * K, (nx + 1) * K, 2 * K, 2 * K, 2 * K))
        c.append("  int bad = 0;")
        c.append("  for (int i = 0; i < %d; i++) {\n    x[i] = v[i];\n    out[i] = v[%d + i];\n  }" % (nx, nx + 4))
        c.append("  for (int i = 0; i < %d; i++)\n    for (int k = 0; k < %d; k++) {" % (nx + 1, K))
        c.append("      x_dot[i * %d + k] = i < %d ? dv[k * %d + i] : %s;" % (K, nx, nin, G % 0))
        c.append("      out_dot[i * %d + k] = i < %d ? dv[k * %d + %d + i] : %s;\n    }" %
                 (K, nx, nin, nx + 4, G % 1))
        c.append("  for (int k = 0; k < %d; k++) {" % (2 * K))
        c.append("    a_dot[k] = k < %d ? dv[k * %d + %d] : %s;" % (K, nin, nx, G % 2))
        c.append("    b_dot[k] = k < %d ? dv[k * %d + %d] : %s;" % (K, nin, nx + 1, G % 3))
        c.append("    ret_dot[k] = %s;\n  }" % (G % 4))
        a = ["n", "iv", "x"] + (["x_dot"] if act["x"] else []) + ["v[%d]" % nx] + (["a_dot"] if act["a"] else [])
        a += ["v[%d]" % (nx + 1)] + (["b_dot"] if act["b"] else [])
        a += ["out", "out_dot"] + (["ret_dot"] if self.has_ret else [])
        call = "%sf_jvp%d(%s)" % (P, K, ", ".join(a))
        c.append("  y[%d] = %s;" % (nx, call) if self.has_ret else "  %s;\n  y[%d] = 0;" % (call, nx))
        c.append("  for (int i = 0; i < %d; i++)\n    y[i] = out[i];" % nx)
        c.append("  for (int k = 0; k < %d; k++) {" % K)
        c.append("    for (int i = 0; i < %d; i++)\n      dy[k * %d + i] = out_dot[i * %d + k];" % (nx, nout, K))
        c.append("    dy[k * %d + %d] = %s;" % (nout, nx, "ret_dot[k]" if self.has_ret else "0"))
        c.append("    bad |= x_dot[%d + k] != %s || out_dot[%d + k] != %s;" % (nx * K, G % 0, nx * K, G % 1))
        c.append("    bad |= a_dot[%d + k] != %s || b_dot[%d + k] != %s || ret_dot[%d + k] != %s;" %
                 (K, G % 2, K, G % 3, K, G % 4))
        c.append("  }")
        c.append("  (void)x_dot;\n  (void)a_dot;\n  (void)b_dot;\n  return bad;\n}")
        return "\n".join(c)


def driver(progs):
    """The driver C file: checks every program; prints one line per program."""
    head = ('#include "harness.h"\ntypedef double real;\nstruct S { real a; real b; };\n'
            "struct ref_S { long double a; long double b; };\n\n")
    body = "\n".join(p.driver() for p in progs)
    table = "static const FzProg *const fz_progs[] = {%s};\n" % ", ".join("&%sprog" % p.prefix for p in progs)
    main = ("int main(void) {\n  int bad = 0;\n  for (size_t i = 0; i < sizeof fz_progs / sizeof fz_progs[0]; i++)\n"
            "    bad |= fz_check(fz_progs[i]);\n  return bad;\n}\n")
    return head + body + "\n" + table + main


if __name__ == "__main__":
    import sys
    # --no-structs: the programs of run.py --width K; --openmp: those of run.py --openmp
    argv = [a for a in sys.argv[1:] if a not in ("--no-structs", "--openmp")]
    seed = int(argv[0]) if argv else 1
    p = Program(seed, "p%d_" % seed, structs="--no-structs" not in sys.argv, openmp="--openmp" in sys.argv)
    sys.stdout.write(source([p]))
