"""The founding derivation done the SymPy way, as a person would script it.

phi(t) = max(t, 0)^2: pieces, derivative per piece, one-sided limits of the
difference quotient at 0 (SymPy 1.11's limit fails on Piecewise, so each side
uses its own branch), continuity of phi' and phi'', and LaTeX of the result.
"""
import sympy as sp

t, h = sp.symbols("t h", real=True)
left, right = sp.Integer(0), t**2
phi = sp.Piecewise((left, t <= 0), (right, True))
d_left, d_right = sp.diff(left, t), sp.diff(right, t)
phi0 = left.subs(t, 0)
lim_minus = sp.limit((left.subs(t, h) - phi0) / h, h, 0, "-")
lim_plus = sp.limit((right.subs(t, h) - phi0) / h, h, 0, "+")
differentiable = sp.simplify(lim_minus - lim_plus) == 0
c1 = sp.limit(d_left, t, 0, "-") == sp.limit(d_right, t, 0, "+")
c2 = sp.limit(sp.diff(d_left, t), t, 0, "-") == sp.limit(sp.diff(d_right, t), t, 0, "+")
gradient = sp.Piecewise((d_left, t <= 0), (d_right, True))
print(sp.latex(phi), sp.latex(gradient), differentiable, c1, c2)
