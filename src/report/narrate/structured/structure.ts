/**
 * The first steps of a structured report: the statement with its constants,
 * how f was decomposed (linear maps, ridge functions, outer parts), and the
 * kink surfaces with the cancellation step (terms on one surface added before
 * any kink is decided).
 */
import { addS, exactLatex, P, parse, primitives, printLatex, Q, SCALAR, symbolNames } from '../../../symbolic/index.js';
import type { ConstantMatrix, Scalar, StructuredAnalysis } from '../../../symbolic/index.js';
import type { Block, Inline, Inlines, Step } from '../../model.js';
import { display, math, paragraph, text } from '../../model.js';
import { assertSafeMath, UnsafeMathError } from '../../mathGuard.js';
import { safeIdentifier } from '../../escape.js';
import { exprLatex } from '../exprLatex.js';
import { domainLatex, listInlines } from '../notation.js';
import { primitivesUsed } from '../statement.js';

type Model = StructuredAnalysis['model'];
type Part = Model['parts'][number];
type Origin = NonNullable<ReturnType<Model['origins']['get']>>[number];

export const CITE_SHAPIRO = 'Shapiro 1990: directional derivatives of locally Lipschitz, directionally differentiable maps compose';
export const CITE_GRIEWANK = 'Griewank 2013, abs-normal form: kinks on one surface are combined before they are decided';

/** Math when the guard accepts it, else the same words as text (renderers escape text). */
export function safeMathOrText(latex: string, plain: string): Inline {
  try {
    return math(assertSafeMath(latex));
  } catch (e) {
    if (e instanceof UnsafeMathError) return text(plain);
    throw e;
  }
}

export const statementLatex = (a: StructuredAnalysis): string => `f(X) = ${exprLatex(a.expr)}`;

const nameLatex = (name: string): string => {
  const safe = safeIdentifier(name);
  return safe.length === 1 ? safe : `\\mathrm{${safe.replace(/_/g, '\\_')}}`;
};

const MAX_CONSTANT_ENTRIES = 48;

function constantLatex(name: string, c: ConstantMatrix): string {
  const q = (r: Parameters<typeof P.constant>[0]): string => exactLatex(P.constant(r));
  if (c.rows === 1 && c.cols === 1) return `${nameLatex(name)} = ${q(c.exact[0]![0]!)}`;
  if (c.rows * c.cols > MAX_CONSTANT_ENTRIES || c.cols > 8) return `${nameLatex(name)} \\in \\mathbb{R}^{${c.rows} \\times ${c.cols}}`;
  return `${nameLatex(name)} = \\begin{bmatrix} ${c.exact.map((r) => r.map(q).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/** X, f, the constants and the definitions used; `brief` leaves out f (the title or subtitle shows it) and the input as typed. */
export function statementStep(a: StructuredAnalysis, brief = false): Step {
  const [m, n] = a.json.shape;
  const used = [...primitivesUsed(a.expr, new Set())].sort();
  const definitions = used.flatMap((p) => primitives[p].definition ?? []);
  // Only the constants f reads: --const may define more than one input uses.
  const read = symbolNames(a.expr);
  const constants = [...a.constants].filter(([name]) => read.has(name)).map(([name, c]) => constantLatex(name, c));
  const blocks: Block[] = [
    paragraph(
      text('Let '),
      math(`X = (x_{ij}) \\in ${domainLatex({ m, n })}`),
      text(a.json.shapeWasFree ? ' (the input leaves the shape free; every statement below is made for this shape, and --shape m,n chooses another)' : ''),
      text(brief ? '.' : ' and'),
    ),
    ...(brief ? [] : [display(`${statementLatex(a)}.`)]),
  ];
  if (constants.length) {
    blocks.push(paragraph(text(constants.length === 1 ? 'The constant is' : 'The constants are')));
    for (let i = 0; i < constants.length; i += 3) blocks.push(display(constants.slice(i, i + 3).join(', \\qquad ')));
  }
  blocks.push(
    paragraph(
      text('Scalar functions of a matrix act entry-wise'),
      ...(definitions.length ? [text(', with '), ...listInlines(definitions.map((d) => [math(d)]))] : []),
      // Numbers typed in f are read as exact rationals too; f without any (max(X)) needs no word on it.
      text(constants.length || /\d/.test(a.input) ? '. The analysis is exact: constants are the rationals written in the input.' : '.'),
    ),
    ...(brief ? [] : [paragraph(text(`Input: ${a.input}`))]),
  );
  return { kind: 'statement', title: [text('Statement')], established: 'exact', blocks };
}

/** A label of a linear map (source text such as `A*X + C`) as LaTeX, parsed again; null when it does not parse. */
function labelLatex(label: string): string | null {
  try {
    return assertSafeMath(exprLatex(parse(label)));
  } catch {
    return null;
  }
}

const entryName = (o: Origin): string | null => {
  const l = labelLatex(o.label);
  if (l === null) return null;
  const wrapped = /^[A-Za-z]$/.test(l) ? l.toLowerCase() : `\\left(${l}\\right)`;
  return `${wrapped}_{${o.i >= 9 || o.j >= 9 ? `${o.i + 1},${o.j + 1}` : `${o.i + 1}${o.j + 1}`}}`;
};

/** λ t + β. */
function affineLatex(scale: Scalar, offset: Scalar, variable: string): string {
  const s = printLatex(scale, SCALAR);
  const b = printLatex(offset, SCALAR);
  const head = s === '1' ? variable : s === '-1' ? `-${variable}` : `${s} ${variable}`;
  if (b === '0') return head;
  return b.startsWith('-') ? `${head} - ${b.slice(1)}` : `${head} + ${b}`;
}

const hLatex = (h: Scalar, v: string): string => printLatex(h, { variable: v, matrix: false });

const weighted = (w: Scalar, body: string): string => {
  const l = printLatex(w, SCALAR);
  return l === '1' ? body : l === '-1' ? `-${body}` : `${l}\\, ${body}`;
};

function partLatex(p: Part, k: number): string {
  switch (p.kind) {
    case 'compose':
      return weighted(p.weight, `h_{${k}}(s_{${k}}(X))`);
    case 'norm':
      return weighted(p.weight, `\\lVert R_{${k}}(X) \\rVert_F`);
    case 'extremum':
      return weighted(p.weight, `\\${p.which}_{l} r_{${k},l}(X)`);
    case 'outer':
      return weighted(p.weight, `h_{${k}}(T_{${k}}(X))`);
  }
}

type Cell = Model['ridge'];

/** One entry of a part as a formula in X: σ(x_{11}), or ψ(⟨D, X⟩) when its direction is not a unit matrix. */
function cellLatex(model: Model, cell: Cell): string | null {
  const atom = cell.atoms[0];
  if (!atom || cell.atoms.length > 1) return null;
  const unit = (id: number): number => {
    const v = model.table.vectors[id]!;
    const nonzero = v.flatMap((x, k) => (Q.isZero(x) ? [] : [k]));
    return nonzero.length === 1 ? nonzero[0]! : -1;
  };
  const [i, j] = [unit(atom.dir.u), unit(atom.dir.w)];
  const variable = i >= 0 && j >= 0 ? `x_{${i >= 9 || j >= 9 ? `${i + 1},${j + 1}` : `${i + 1}${j + 1}`}}` : '\\langle D, X \\rangle';
  try {
    return assertSafeMath(printLatex(addS(cell.c, atom.phi), { variable, matrix: false }));
  } catch (e) {
    if (e instanceof UnsafeMathError) return null;
    throw e;
  }
}

function entryExample(model: Model, cells: readonly Cell[], name: string): Inlines {
  const first = cells[0] && cellLatex(model, cells[0]);
  return first ? [text(' For example '), math(`${name} = ${first}`), text('.')] : [];
}

function partWords(model: Model, p: Part, k: number): Inlines {
  const count = (cells: number, what: string): string => `${cells} ${cells === 1 ? what : what === 'entry' ? 'entries' : `${what}s`}`;
  switch (p.kind) {
    case 'compose':
      return [
        math(`h_{${k}}(s) = ${hLatex(p.h, 's')}`),
        text(` of a sum s_${k}(X) of ${count(p.inner.atoms.length, 'ridge function')}: by the chain rule `),
        math(`\\nabla (h \\circ s) = h'(s)\\, \\nabla s`),
        text(' where both are differentiable, with one-sided derivatives at kinks of '),
        math('h'),
        text('.'),
      ];
    case 'norm':
      return [
        text(`a Frobenius norm of ${count(p.components.length, 'entry')}, each one ridge function: `),
        math('\\lVert R \\rVert_F = \\sqrt{\\textstyle\\sum_l r_l^2}'),
        text(' is smooth where '),
        math('R \\neq 0'),
        text(' and has a cone of directional derivatives where '),
        math('R = 0'),
        text('.'),
        ...entryExample(model, p.components, `r_{${k},1}(X)`),
      ];
    case 'extremum':
      return [
        text(`the ${p.which} over ${count(p.components.length, 'entry')}, each one ridge function: it is differentiable where the attaining entries have one gradient, and its generalized gradient is the convex hull of the attaining gradients (Danskin; Clarke 1983, Prop. 2.3.12).`),
        ...entryExample(model, p.components, `r_{${k},1}(X)`),
      ];
    case 'outer':
      return [math(`h_{${k}}(T) = ${hLatex(p.h, 'T')}`), text(' of a norm or maximum T, composed by the chain rule: '), ...partWords(model, p.inner, k)];
  }
}

/** `brief` leaves out the chain rule's gradient of a ridge function (the gradient step states ∇f itself). */
export function decompositionStep(a: StructuredAnalysis, brief = false): Step {
  const { model } = a;
  const N = model.ridge.atoms.length;
  const ridge = N ? `\\sum_{d=1}^{${N}} \\psi_d\\left(\\langle D_d, X \\rangle\\right)` : '';
  const constant = printLatex(model.ridge.c, SCALAR);
  const terms = [constant === '0' ? '' : constant, ridge, ...model.parts.map((p, k) => partLatex(p, k + 1))].filter(Boolean);
  const blocks: Block[] = [
    paragraph(text('Linear maps, sums and products with constant matrices are expanded exactly, so that')),
    display(`f(X) = ${(terms.join(' + ') || '0').replace(/\+ -/g, '- ')}`),
  ];
  if (N)
    blocks.push(
      paragraph(
        text(`with ${N} pairwise non-parallel rank-one direction${N === 1 ? '' : 's'} `),
        math('D_d = u_d w_d^{\\top}'),
        text(' and functions '),
        math('\\psi_d'),
        text(brief ? ' of one real variable.' : ' of one real variable. By the chain rule a ridge function has the gradient'),
      ),
      ...(brief
        ? []
        : [display("\\langle D, X \\rangle = \\operatorname{tr}(D^{\\top} X) = u^{\\top} X w, \\qquad \\nabla\\, \\psi(\\langle D, X \\rangle) = \\psi'(\\langle D, X \\rangle)\\, D.")]),
    );
  const labels = [...new Set([...model.origins.values()].flatMap((os) => os.map((o) => o.label)))].filter((l) => l !== 'X');
  if (labels.length) {
    const shown = labels.slice(0, 4).map((l) => {
      const latex = labelLatex(l);
      return latex === null ? [text(l)] : [math(`Z = ${latex}`)];
    });
    const offset = labels.some((l) => /\+ C$/.test(l)) && !a.constants.has('C');
    blocks.push(
      paragraph(
        text('The directions come from the entries of the linear map'),
        text(labels.length === 1 ? ' ' : 's '),
        ...listInlines(shown),
        text(labels.length > 4 ? ' and others' : ''),
        text(': each entry is '),
        math("z_{ij} = \\lambda \\langle D, X \\rangle + \\beta"),
        text(' for one direction '),
        math('D'),
        text(' and constants '),
        math('\\lambda \\neq 0'),
        text(', '),
        math('\\beta'),
        text('.'),
        ...(offset ? [text(' Here '), math('C'), text(' stands for the constant matrix added to the product.')] : []),
      ),
    );
  }
  if (model.parts.length) {
    blocks.push(paragraph(text(model.parts.length === 1 ? 'The remaining part is' : 'The remaining parts are')));
    model.parts.forEach((p, k) => blocks.push(paragraph(text(`(${k + 1}) `), ...partWords(model, p, k + 1))));
  }
  return { kind: 'reduction', title: [text('Decomposition by the chain rule')], established: 'exact', blocks };
}

const MAX_COMBINED_SHOWN = 3;

function combinedBlocks(a: StructuredAnalysis): Block[] {
  const { model, facts } = a;
  const combined = [...model.origins].filter(([, os]) => os.length > 1);
  if (!combined.length) return [];
  const blocks: Block[] = [
    paragraph(
      text(`Cancellation: on ${combined.length} surface${combined.length === 1 ? '' : 's'} several entries switch together, because their directions are parallel (`),
      math('\\ell'),
      text(' and '),
      math('-\\ell'),
      text(' give the same surface). A kink of one term can cancel against another ('),
      math('\\sigma(t) + \\min(t, 0) = t'),
      text(', '),
      math('\\sigma(t)^2 + \\sigma(-t)^2 = t^2'),
      text('), so no kink is declared from one term: the terms on one surface are added first, and only the sum is decided.'),
    ),
  ];
  for (const [key, origins] of combined.slice(0, MAX_COMBINED_SHOWN)) {
    const entries = origins.slice(0, 4).map((o) => {
      const name = entryName(o);
      return name === null ? [text(`(${o.label})_${o.i + 1},${o.j + 1}`)] : [safeMathOrText(`${name} = ${affineLatex(o.scale, o.offset, 't')}`, `(${o.label})_${o.i + 1},${o.j + 1}`)];
    });
    const atom = model.ridge.atoms.find((x) => x.dir.key === key);
    const kink = facts.kinkAtoms.some((k) => k.dir.key === key);
    blocks.push(
      paragraph(
        text('With '),
        math('t = \\langle D, X \\rangle'),
        text(' for one direction '),
        math('D'),
        text(': '),
        ...listInlines(entries),
        text(origins.length > 4 ? ` and ${origins.length - 4} more` : ''),
        text('. '),
        ...(atom
          ? [
              text('Their terms add up to '),
              math(`\\psi(t) = ${printLatex(atom.phi, SCALAR)}`),
              text(kink ? ', which still has a kink: it is listed below.' : ', which has no kink: the kinks of the separate terms cancel, and f is not declared non-differentiable on this surface.'),
            ]
          : [text('Their terms cancel, or enter an outer part, and leave no ridge function on this surface.')]),
      ),
    );
  }
  if (combined.length > MAX_COMBINED_SHOWN) blocks.push(paragraph(text(`The other ${combined.length - MAX_COMBINED_SHOWN} surfaces are combined in the same way.`)));
  return blocks;
}

const INFINITE_SLOPE = 'an infinite slope: continuous, not locally Lipschitz';

const ACROSS: Readonly<Record<string, string>> = {
  C0: 'a kink: continuous, not differentiable',
  discontinuous: 'a jump: not continuous',
  C1: 'C¹ but not C² across it',
  C2: 'C² but not C³ across it',
};

export function kinksStep(a: StructuredAnalysis): Step {
  const { json } = a;
  const blocks: Block[] = [
    paragraph(
      text('One-sided directional derivatives compose: for a direction '),
      math('E'),
      text(','),
    ),
    display("\\left(\\psi(\\langle D, \\cdot \\rangle)\\right)'(X; E) = \\psi'\\left(\\langle D, X \\rangle; \\langle D, E \\rangle\\right),"),
    paragraph(
      text('and so on through every part. A term '),
      math('\\psi_d(\\langle D_d, X \\rangle)'),
      text(' is smooth except on the hyperplanes '),
      math('\\langle D_d, X \\rangle = c'),
      text(' at the breakpoints '),
      math('c'),
      text(' of '),
      math('\\psi_d'),
      text('; pairwise non-parallel directions give different hyperplanes, and near a point on one of them only, the other terms are smooth and cannot cancel its kink or jump.'),
    ),
    ...combinedBlocks(a),
  ];
  if (json.surfaces.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: [text('entries (i, j)')], align: 'left' },
        { header: [text('surface')], align: 'left' },
        { header: [math('f'), text(' across it')], align: 'left' },
      ],
      rows: json.surfaces.map((s) => {
        const [head, where] = s.text.split(' at (i,j) = ');
        const across = s.smoothness === null ? 'class not decided' : s.infiniteSlope ? INFINITE_SLOPE : (ACROSS[s.smoothness] ?? `${s.smoothness} across it`);
        return [[text(where ?? 'all of X')], [safeMathOrText(s.latex, head ?? s.text)], [text(across)]];
      }),
      caption: [text(`The surfaces where a ridge term is not smooth, after combining, with the class of f across each: a kink (continuous, not differentiable), a jump (not continuous)${json.surfaces.some((s) => s.infiniteSlope) ? ', an infinite slope (continuous, not locally Lipschitz)' : ''}, or a finite order of smoothness.`)],
    });
  } else blocks.push(paragraph(text(a.model.ridge.atoms.length ? 'No ridge term has a non-smooth surface left after combining.' : 'There are no ridge terms outside the parts.'), ...(a.model.parts.length ? [text(' Non-smooth points can only come from the parts listed above (kinks of their entries, zeros of a norm, ties of a maximum); they are decided below.')] : [])));
  return { kind: 'surfaces', title: [text('Non-smooth surfaces and cancellation')], established: 'theorem', citation: `${CITE_SHAPIRO}; ${CITE_GRIEWANK}`, blocks };
}
