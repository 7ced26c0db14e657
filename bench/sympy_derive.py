"""The derivation kinkproof does, done the SymPy way from the same expression.

Usage: python3 bench/sympy_derive.py EXPR, EXPR in kinkproof's (mathjs) syntax,
e.g. "norm(relu(X),'fro')^2" or "sum(abs(abs(X) - 1))". No case analysis is
typed in: SymPy gets the expression and finds the rest itself.

1. Parse. The function is separable, f(X) = sum_ij phi(x_ij): sum(E) is the sum
   of E's entries and norm(E,'fro')^2 the sum of their squares, so X stands
   for one entry t; .^ .* ./ are entry-wise; relu(u) = Max(u, 0), abs, max and
   min are SymPy's Abs, Max and Min.
2. Breakpoints, bottom up: those of the arguments, then the real zeros of each
   switching argument (u of Abs(u), a - b of Max(a, b) and Min(a, b)) on each
   interval between them, where it is smooth: solved exactly (real_roots of
   a polynomial, CRootOf where its roots have no radicals; else solveset).
3. Pieces: on each interval between breakpoints, phi with every switch
   resolved to the branch that holds there (decided at a rational point
   inside the interval), and its derivative. (piecewise_fold of phi rewritten
   as Piecewise does the same in one call, but nested abs of depth 5 took it
   220 s: its conditions multiply.)
4. At each breakpoint, decided exactly: continuity, the one-sided derivatives
   (each piece's derivative there) and differentiability, and whether phi''
   jumps.
5. LaTeX of phi and of phi' as piecewise functions.
Prints one line (the LaTeX and the verdicts), as kinkproof derive --tex writes
its report.
"""
import re
import sys

import sympy as sp

t = sp.Symbol("t", real=True)


def to_sympy(source: str) -> sp.Expr:
    text = source.replace(".^", "^").replace(".*", "*").replace("./", "/")
    text = re.sub(r",\s*'fro'\s*\)", ")", text)  # norm(E,'fro') -> norm(E)
    text = text.replace("^", "**")
    names = {
        "X": t,
        "relu": lambda u: sp.Max(u, 0),
        "abs": sp.Abs,
        "max": sp.Max,
        "min": sp.Min,
        # Entry-wise: sum(E) adds phi = E over the entries, norm(E)^2 adds E^2 (sqrt(E^2)^2 = E^2 for real E).
        "sum": lambda u: u,
        "norm": lambda u: sp.sqrt(u**2),
    }
    return sp.sympify(text, locals=names)


def is_switch(node) -> bool:
    return isinstance(node, (sp.Abs, sp.Max, sp.Min))


def resolve(expr: sp.Expr, s) -> sp.Expr:
    """expr with every Abs, Max and Min replaced by the branch that holds at t = s (inner ones first)."""
    if not expr.has(sp.Abs, sp.Max, sp.Min):
        return expr
    args = [resolve(a, s) for a in expr.args]
    if isinstance(expr, sp.Abs):
        (u,) = args
        return u if u.subs(t, s) >= 0 else -u
    if isinstance(expr, (sp.Max, sp.Min)):
        values = [a.subs(t, s) for a in args]
        pick = max if isinstance(expr, sp.Max) else min
        return args[values.index(pick(values))]
    return expr.func(*args)


def real_zeros(p: sp.Expr, lo, hi) -> set:
    """The real zeros of a smooth piece p strictly inside (lo, hi) (None: unbounded), exactly."""
    p = sp.expand(p)
    if p.is_zero:
        return set()
    interval = sp.Interval.open(-sp.oo if lo is None else lo, sp.oo if hi is None else hi)
    if p.is_polynomial(t):
        return {r for r in sp.Poly(p, t).real_roots() if interval.contains(r) == sp.true}
    solved = sp.solveset(p, t, domain=interval)
    if not isinstance(solved, sp.FiniteSet):
        raise ValueError(f"cannot isolate the zeros of {p}")
    return set(solved)


def kinks(expr: sp.Expr) -> list:
    """Breakpoints of expr, bottom up: those of its arguments, then the zeros of each switching argument on every interval between them."""
    points = set()
    for a in expr.args:
        points.update(kinks(a))
    if is_switch(expr):
        inner = sorted(points, key=lambda r: sp.N(r, 30))
        # SymPy flattens Max(a, Max(b, c)) to Max(a, b, c): any two arguments may trade places.
        args = expr.args
        switching = [args[0]] if isinstance(expr, sp.Abs) else [a - b for i, a in enumerate(args) for b in args[i + 1 :]]
        bounds = [None] + inner + [None]
        for u in switching:
            for lo, hi, s in zip(bounds, bounds[1:], samples(inner)):
                points.update(real_zeros(resolve(u, s), lo, hi))
    return sorted(points, key=lambda r: sp.N(r, 30))


def rational_between(a, b) -> sp.Rational:
    lo, hi = sp.N(a, 30), sp.N(b, 30)
    return sp.nsimplify((lo + hi) / 2, rational=True, tolerance=(hi - lo) / 4)


def samples(points: list) -> list:
    """A rational point in each interval the breakpoints cut the line into."""
    if not points:
        return [sp.Integer(0)]
    first, last = sp.floor(sp.N(points[0])) - 1, sp.ceiling(sp.N(points[-1])) + 1
    return [sp.Integer(first)] + [rational_between(a, b) for a, b in zip(points, points[1:])] + [sp.Integer(last)]


def vanishes(q: sp.Expr, c) -> bool:
    """q(c) = 0, exactly: by the remainder mod c's minimal polynomial when q is a polynomial (fast for CRootOf too)."""
    q = sp.expand(q)
    if q.is_zero:
        return True
    if q.is_polynomial(t):
        return sp.rem(q, sp.minimal_polynomial(c, t), t) == 0
    return sp.simplify(q.subs(t, c)) == 0


def main() -> None:
    phi = to_sympy(sys.argv[1])
    candidates = kinks(phi)
    candidate_pieces = [sp.expand(resolve(phi, s)) for s in samples(candidates)]
    # A zero of a switching argument where the same piece holds on both sides (two arguments of a Max crossing below it) is no breakpoint.
    points, pieces = [], [candidate_pieces[0]]
    for c, piece in zip(candidates, candidate_pieces[1:]):
        if piece != pieces[-1]:
            points.append(c)
            pieces.append(piece)
    derivatives = [sp.diff(p, t) for p in pieces]
    verdicts = []
    for k, c in enumerate(points):
        left, right = pieces[k], pieces[k + 1]
        continuous = vanishes(left - right, c)
        # One-sided derivatives: each piece is smooth up to c, so its derivative there is the limit of the quotient from its side.
        differentiable = continuous and vanishes(derivatives[k] - derivatives[k + 1], c)
        c2 = vanishes(sp.diff(derivatives[k] - derivatives[k + 1], t), c)
        verdicts.append((sp.latex(c), continuous, differentiable, c2))
    bounds = [(t <= c) for c in points] + [sp.true]
    phi_pieces = sp.Piecewise(*[(p, b) for p, b in zip(pieces, bounds)])
    gradient = sp.Piecewise(*[(d, b) for d, b in zip(derivatives, bounds)])
    print(sp.latex(phi_pieces), sp.latex(gradient), verdicts)


main()
