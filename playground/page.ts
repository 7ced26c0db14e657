/**
 * The playground page: inputs, the URL hash, and two lanes of work (derive, check),
 * each a Web Worker that a new request or Cancel terminates. No mathematics here.
 *
 * Safety: user text reaches the page only through textContent and input values.
 * The one kind of HTML put into the page is the report renderer's output from the
 * worker (user text escaped, math by KaTeX with trust: false); `setRendered` also
 * drops from it, as defence in depth, anything that could run script or load a URL.
 */
import type { Inputs, Problem, Reply, Request } from './protocol.js';

// The worker loads the library and KaTeX (most of the site's bytes): start it before the page is parsed.
const firstWorker = new Worker('worker.js', { type: 'module', name: 'kinkproof' });
if (document.readyState === 'loading') await new Promise((ok) => document.addEventListener('DOMContentLoaded', ok, { once: true }));

function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no #${id}`);
  return el;
}

const ui = {
  f: byId('f', HTMLInputElement),
  constants: byId('constants', HTMLTextAreaElement),
  at: byId('at', HTMLTextAreaElement),
  shape: byId('shape', HTMLInputElement),
  seed: byId('seed', HTMLInputElement),
  options: byId('options', HTMLDetailsElement),
  examples: byId('examples', HTMLElement),
  problem: byId('problem', HTMLElement),
  status: byId('status', HTMLElement),
  progress: byId('progress', HTMLProgressElement),
  cancel: byId('cancel', HTMLButtonElement),
  answer: byId('answer', HTMLElement),
  gradientRow: byId('gradient-row', HTMLElement),
  gradientText: byId('gradient-text', HTMLElement),
  useGradient: byId('use-gradient', HTMLButtonElement),
  verification: byId('verification', HTMLElement),
  derivation: byId('derivation', HTMLElement),
  summary: byId('summary-text', HTMLElement),
  summaryBox: byId('summary-box', HTMLDetailsElement),
  claim: byId('claim', HTMLInputElement),
  check: byId('check', HTMLButtonElement),
  checkCancel: byId('check-cancel', HTMLButtonElement),
  checkStatus: byId('check-status', HTMLElement),
  checkProblem: byId('check-problem', HTMLElement),
  verdict: byId('verdict', HTMLElement),
  checkHtml: byId('check-html', HTMLElement),
  counterexample: byId('counterexample', HTMLElement),
  checkText: byId('check-text', HTMLElement),
};

// ------------------------------------------------------------ rendered HTML

const DROPPED = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'form', 'img', 'image', 'video', 'audio', 'foreignobject', 'use', 'style']);

/** Put the report renderer's HTML into `el`, without anything that could run script or fetch. */
function setRendered(el: HTMLElement, html: string): void {
  const t = document.createElement('template');
  t.innerHTML = html; // inert: a template's content neither runs nor loads anything
  for (const node of Array.from(t.content.querySelectorAll('*'))) {
    if (DROPPED.has(node.localName.toLowerCase())) {
      node.remove();
      continue;
    }
    for (const { name } of Array.from(node.attributes))
      if (/^on/i.test(name) || /(?:href|src|action|srcdoc|data)$/i.test(name)) node.removeAttribute(name);
  }
  el.replaceChildren(t.content);
}

/** `message` and, under it, the offending text with a caret at the column. */
function showProblem(box: HTMLElement, p: Problem | null, label?: string): void {
  box.replaceChildren();
  box.hidden = p === null;
  if (!p) return;
  const message = document.createElement('p');
  message.className = 'message';
  message.textContent = label ? `${label}: ${p.message}` : p.message;
  box.append(message);
  if (p.caret) {
    const pre = document.createElement('pre');
    pre.className = 'caret';
    pre.textContent = p.caret;
    box.append(pre);
  }
}

// ------------------------------------------------------------ workers

const FINAL = new Set<Reply['kind']>(['verified', 'checked', 'problem', 'crash']);

/** One kind of work in its own worker; a new request or cancel() ends the running one. */
class Lane {
  private worker: Worker | null = null;
  private id = 0;
  private busyFlag = false;

  constructor(
    private readonly onReply: (r: Reply) => void,
    started?: Worker,
  ) {
    if (started) this.worker = this.adopt(started);
  }

  get busy(): boolean {
    return this.busyFlag;
  }

  private spawn(): Worker {
    return this.adopt(new Worker('worker.js', { type: 'module', name: 'kinkproof' }));
  }

  private adopt(w: Worker): Worker {
    w.onmessage = (e: MessageEvent<Reply>) => {
      if (e.data.id !== this.id) return; // an answer to a request since replaced
      if (FINAL.has(e.data.kind)) this.busyFlag = false;
      this.onReply(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.busyFlag = false;
      this.worker?.terminate();
      this.worker = null;
      this.onReply({ kind: 'crash', id: this.id, message: e.message || 'the worker failed to start' });
    };
    return w;
  }

  start(request: (id: number) => Request): void {
    if (this.busyFlag) this.stop();
    this.worker ??= this.spawn();
    this.id += 1;
    this.busyFlag = true;
    this.worker.postMessage(request(this.id));
  }

  /** Terminate the running work (a fresh worker is started for the next request). */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.busyFlag = false;
    this.id += 1;
  }
}

// ------------------------------------------------------------ state in the URL

const inputs = (): Inputs => ({ f: ui.f.value, constants: ui.constants.value, at: ui.at.value, shape: ui.shape.value, seed: ui.seed.value });

const HASH_FIELDS = { f: ui.f, claim: ui.claim, const: ui.constants, at: ui.at, shape: ui.shape, seed: ui.seed } as const;

function writeHash(): void {
  const p = new URLSearchParams();
  for (const [key, el] of Object.entries(HASH_FIELDS)) if (el.value !== '') p.set(key, el.value);
  history.replaceState(null, '', `#${p.toString()}`);
}

/** Read the hash into the inputs; false when it holds no f. */
function readHash(): boolean {
  const p = new URLSearchParams(location.hash.slice(1));
  if (!p.has('f')) return false;
  for (const [key, el] of Object.entries(HASH_FIELDS)) el.value = p.get(key) ?? '';
  ui.options.open = ui.constants.value !== '' || ui.at.value !== '' || ui.shape.value !== '' || ui.seed.value !== '';
  return true;
}

// ------------------------------------------------------------ derive

const setState = (lane: 'derive' | 'check', state: string): void => {
  document.body.dataset[lane] = state;
};

/** For the benchmark: when the first answer (and its verification) appeared, since navigation. */
function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

function onDerived(r: Reply): void {
  switch (r.kind) {
    case 'answer':
      setRendered(ui.answer, r.html);
      ui.gradientRow.hidden = r.gradientText === null;
      ui.gradientText.textContent = r.gradientText ?? '';
      ui.summary.textContent = r.summary;
      answered = performance.now();
      ui.status.textContent = `Derived exactly in ${seconds(answered - started)}; verifying numerically…`;
      ui.progress.hidden = false;
      ui.progress.removeAttribute('value');
      setState('derive', 'answer');
      markOnce('kinkproof:first-answer');
      return;
    case 'progress':
      ui.progress.max = r.total;
      ui.progress.value = r.done;
      ui.status.textContent = `Derived exactly in ${seconds(answered - started)}; verifying numerically: ${r.done} of ${r.total} checks`;
      return;
    case 'verified':
      ui.verification.textContent = `Numeric cross-check ${r.line}`;
      ui.verification.className = `verification ${r.status}`;
      setRendered(ui.derivation, r.derivationHtml);
      ui.summary.textContent = r.summary;
      done(`Derived exactly in ${seconds(answered - started)}, verified numerically in ${seconds(performance.now() - answered)}.`);
      setState('derive', 'verified');
      markOnce('kinkproof:first-verified');
      return;
    case 'problem':
      showProblem(ui.problem, r.problem, r.problem.field === 'f' ? undefined : FIELD_NAMES[r.problem.field]);
      clearAnswer();
      done('No answer: see the problem under the input.');
      setState('derive', 'problem');
      return;
    case 'crash':
      clearAnswer();
      done(`Internal error (a bug, please report it): ${r.message}`);
      setState('derive', 'crash');
      return;
    case 'checked':
      return;
  }
}

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

const FIELD_NAMES = { f: 'f', claim: 'claim', constants: 'constants', at: 'points', shape: 'shape', seed: 'seed' } as const;

function clearAnswer(): void {
  ui.answer.replaceChildren();
  ui.derivation.replaceChildren();
  ui.verification.textContent = '';
  ui.summary.textContent = '';
  ui.summaryBox.hidden = true;
  ui.gradientRow.hidden = true;
}

function done(status: string): void {
  ui.status.textContent = status;
  ui.progress.hidden = true;
  ui.cancel.hidden = true;
}

const deriveLane = new Lane(onDerived, firstWorker);

let started = 0;
let answered = 0;

function runDerive(): void {
  started = performance.now();
  showProblem(ui.problem, null);
  if (ui.f.value.trim() === '') {
    deriveLane.stop();
    clearAnswer();
    done('Type a function of X above.');
    setState('derive', 'empty');
    return;
  }
  ui.status.textContent = 'Deriving…';
  ui.cancel.hidden = false;
  ui.verification.textContent = '';
  ui.derivation.classList.add('stale');
  ui.answer.classList.add('stale');
  setState('derive', 'running');
  deriveLane.start((id) => ({ kind: 'derive', id, inputs: inputs() }));
}

// Fresh results are not stale.
new MutationObserver(() => {
  ui.answer.classList.remove('stale');
}).observe(ui.answer, { childList: true });
new MutationObserver(() => {
  ui.derivation.classList.remove('stale');
}).observe(ui.derivation, { childList: true });

ui.cancel.addEventListener('click', () => {
  deriveLane.stop();
  done('Cancelled.');
  setState('derive', 'cancelled');
});

// ------------------------------------------------------------ check

function onChecked(r: Reply): void {
  if (r.kind === 'checked' || r.kind === 'problem' || r.kind === 'crash') ui.checkCancel.hidden = true;
  switch (r.kind) {
    case 'checked': {
      ui.checkStatus.textContent = '';
      const words = { correct: 'Correct', incorrect: 'Incorrect', unknown: 'Not decided' } as const;
      ui.verdict.textContent = `${words[r.verdict]} (${r.method === 'exact' ? 'decided exactly' : 'refuted by a point search'})`;
      ui.verdict.className = `verdict ${r.verdict}`;
      setRendered(ui.checkHtml, r.html);
      showCounterexample(r.counterexample);
      ui.checkText.textContent = r.text;
      setState('check', r.verdict);
      return;
    }
    case 'problem':
      ui.checkStatus.textContent = '';
      showProblem(ui.checkProblem, r.problem, FIELD_NAMES[r.problem.field]);
      setState('check', 'problem');
      return;
    case 'crash':
      ui.checkStatus.textContent = `Internal error (a bug, please report it): ${r.message}`;
      setState('check', 'crash');
      return;
    default:
      return;
  }
}

function showCounterexample(c: Extract<Reply, { kind: 'checked' }>['counterexample']): void {
  ui.counterexample.replaceChildren();
  ui.counterexample.hidden = c === null;
  if (!c) return;
  const caption = document.createElement('caption');
  caption.textContent = c.where ? `Counterexample (in the case ${c.where})` : 'Counterexample';
  const body = document.createElement('tbody');
  for (const [label, value] of [
    ['X', c.X],
    ['claim at X', c.claim],
    ['∇f(X)', c.gradient],
  ] as const) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    const td = document.createElement('td');
    td.textContent = value;
    tr.append(th, td);
    body.append(tr);
  }
  ui.counterexample.append(caption, body);
}

const checkLane = new Lane(onChecked);

function clearCheck(): void {
  ui.verdict.textContent = '';
  ui.verdict.className = 'verdict';
  ui.checkHtml.replaceChildren();
  showCounterexample(null);
  ui.checkText.textContent = '';
  showProblem(ui.checkProblem, null);
}

function runCheck(): void {
  clearCheck();
  if (ui.f.value.trim() === '' || ui.claim.value.trim() === '') {
    checkLane.stop();
    ui.checkStatus.textContent = 'Type f above and your ∇f here.';
    setState('check', 'empty');
    return;
  }
  ui.checkStatus.textContent = 'Checking…';
  ui.checkCancel.hidden = false;
  setState('check', 'running');
  const claim = ui.claim.value;
  checkLane.start((id) => ({ kind: 'check', id, inputs: inputs(), claim }));
}

ui.check.addEventListener('click', runCheck);
ui.checkCancel.addEventListener('click', () => {
  checkLane.stop();
  ui.checkStatus.textContent = 'Cancelled.';
  ui.checkCancel.hidden = true;
  setState('check', 'cancelled');
});
ui.claim.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') runCheck();
});
ui.claim.addEventListener('input', () => {
  writeHash();
  if (!checkLane.busy) clearCheck();
});
ui.useGradient.addEventListener('click', () => {
  ui.claim.value = ui.gradientText.textContent ?? '';
  writeHash();
  runCheck();
});

// ------------------------------------------------------------ typing

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleDerive(): void {
  writeHash();
  clearTimeout(timer);
  timer = setTimeout(runDerive, 300);
}
for (const el of [ui.f, ui.constants, ui.at, ui.shape, ui.seed]) el.addEventListener('input', scheduleDerive);
ui.f.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    clearTimeout(timer);
    runDerive();
  }
});

// ------------------------------------------------------------ examples

interface Example {
  readonly label: string;
  readonly f: string;
  readonly claim: string;
  readonly at?: string;
}

const EXAMPLES: readonly Example[] = [
  { label: '‖σ(X)‖²_F', f: "norm(relu(X),'fro')^2", claim: '2*max(X,0)', at: '[[1,0],[-2,3]]' },
  { label: 'ℓ1: Σ|x_ij|', f: 'sum(abs(X))', claim: 'sign(X)', at: '[[1,0],[-2,3]]' },
  { label: 'Huber', f: 'sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))', claim: 'max(min(X,1),-1)' },
  { label: 'The published wrong answer', f: "norm(relu(X),'fro')^2", claim: 'sign(X) + 1' },
  { label: 'LaTeX', f: '\\left\\|\\max(X,0)\\right\\|_F^2', claim: '2\\sigma(X)' },
];

for (const ex of EXAMPLES) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = ex.label;
  b.title = `f = ${ex.f}, claim ${ex.claim}`;
  b.addEventListener('click', () => {
    ui.f.value = ex.f;
    ui.claim.value = ex.claim;
    ui.at.value = ex.at ?? '';
    ui.constants.value = '';
    ui.shape.value = '';
    ui.seed.value = '';
    writeHash();
    clearTimeout(timer);
    runDerive();
    runCheck();
  });
  ui.examples.append(b);
}

// ------------------------------------------------------------ start

window.addEventListener('hashchange', () => {
  if (!readHash()) return;
  runDerive();
  if (ui.claim.value.trim() !== '') runCheck();
});

if (!readHash()) {
  ui.f.value = EXAMPLES[0]!.f;
  ui.claim.value = EXAMPLES[0]!.claim;
}
runDerive();
if (ui.claim.value.trim() !== '') runCheck();

// Offline once loaded: a service worker keeps every file of the site.
if ('serviceWorker' in navigator && window.isSecureContext)
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Without it the page still works while open.
  });
