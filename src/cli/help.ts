export const VERSION = 'kinkproof 0.1.0';

export const HELP = `kinkproof — exact differentiability, gradients and subdifferentials of
non-smooth matrix functions f(X) = sum_ij phi(x_ij).

usage:
  kinkproof derive EXPR [options]       analyse f case by case
  kinkproof --help | --version

derive options:
  --json                 print one JSON object (the documented contract)
  --at MATRIX            also evaluate at X = MATRIX (JSON rows, e.g. '[[1,-2],[0,3]]'); repeatable
  --shape m,n            fix the shape of X (default: free; verification uses 3x4)
  --const NAME=MATRIX    a named constant matrix; repeatable
  --no-verify            skip the numeric cross-check
  --seed N               seed of the numeric cross-check (default 1)

expressions (ASCII, mathjs-style):
  X  numbers  + - * /  .* ./ .^  ^ (scalars)  '  ( )
  relu (pos, sigma)  max(a,b)  min(a,b)  abs  sign  heaviside  sqrt  exp  log
  sum  trace  norm(.,'fro')  norm(.,1)
  e.g.  kinkproof derive "norm(relu(X),'fro')^2"

exit codes: 0 success, 1 a check failed, 2 bad input or unsupported, 3 undecided
`;
