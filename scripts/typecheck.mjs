// `npm run typecheck` (and the type check of `npm test`): two checks in one process.
// - tsconfig.json: src, test, scripts and bench, without the DOM lib (the library must not use the DOM);
// - playground/tsconfig.json: the page and its worker, with the DOM lib.
// The playground's program reads most of src through the worker's imports. Checked on its own
// (tsc -p playground) it re-checks all of src; here it reports only the playground's own files,
// checked against src's sources, whose errors the first check reports; and it reuses the first
// program's parsed files. Nothing is written and nothing is cached between runs, so a clean
// clone and a used one are checked alike.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const parsedFiles = new Map();

// What a parsed (and bound) file depends on: every option but the libs and types, which only add
// files to a program, and the config file's own location. The playground's configuration extends
// the main one and changes only its libs, so each file of src is parsed once for both programs; were
// another option to differ, the second program would parse its files afresh.
function parsingKey(options) {
  const { lib, types, configFile, configFilePath, ...rest } = options;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// A compiler host whose source files outlive its program.
function sharingHost(options) {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  const optionsKey = parsingKey(options);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const { languageVersion: target, impliedNodeFormat } = typeof languageVersion === 'object' ? languageVersion : { languageVersion };
    const key = `${optionsKey}\0${fileName}\0${target}\0${impliedNodeFormat}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, read(fileName, languageVersion, onError, shouldCreate));
    return parsedFiles.get(key);
  };
  return host;
}

function program(configPath) {
  const unrecoverable = [];
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => unrecoverable.push(d) });
  if (!config) return { unrecoverable };
  const built = ts.createProgram({ rootNames: config.fileNames, options: config.options, host: sharingHost(config.options), configFileParsingDiagnostics: config.errors });
  return { program: built, ownFiles: config.fileNames.map((f) => built.getSourceFile(f)).filter((f) => f !== undefined) };
}

function everyDiagnostic(configPath) {
  const { program: built, unrecoverable } = program(configPath);
  return built ? ts.getPreEmitDiagnostics(built) : unrecoverable;
}

function ownFilesDiagnostics(configPath) {
  const { program: built, ownFiles, unrecoverable } = program(configPath);
  if (!built) return unrecoverable;
  return [
    ...built.getConfigFileParsingDiagnostics(),
    ...built.getOptionsDiagnostics(),
    ...ownFiles.flatMap((file) => [...built.getSyntacticDiagnostics(file), ...built.getSemanticDiagnostics(file)]),
    ...built.getGlobalDiagnostics(),
  ];
}

const inRepo = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const diagnostics = [...everyDiagnostic(inRepo('tsconfig.json')), ...ownFilesDiagnostics(inRepo('playground/tsconfig.json'))];
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => ts.sys.newLine };
const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
process.stdout.write(format(diagnostics, formatHost));
const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
if (errors > 0) process.stdout.write(`\n${errors} type error${errors === 1 ? '' : 's'}.\n`);
process.exitCode = errors > 0 ? 1 : 0;
