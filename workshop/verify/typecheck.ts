/**
 * Type checks, once per target. The starters (and everything else in the kit)
 * are checked with tsconfig.json as it is. For the solutions, the same
 * exercise tests are checked again with their imports answered by the
 * solutions (the rule of ../targets.ts), so a solution whose API drifts from
 * its starter's fails here, not in a learner's editor. The wrong answers are
 * checked the same way, all in one program (see type-checks.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { kitRoot, wrongAnswersDir } from '../paths.js';
import { redirect, sourceFileOf, type Target } from '../targets.js';

function readTsconfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(kitRoot, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return parsed;
}

/** Source files parsed once and shared by every program (the SDK's types are large). */
const parsedFiles = new Map<string, ts.SourceFile>();

function makeHost(options: ts.CompilerOptions, target?: Target): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const cached = parsedFiles.get(fileName);
    if (cached) return cached;
    const file = getSourceFile(fileName, languageVersion, onError);
    // Only library files are shared; the kit's own files are read fresh.
    if (file && fileName.includes('/node_modules/')) parsedFiles.set(fileName, file);
    return file;
  };
  if (target) {
    const cache = ts.createModuleResolutionCache(kitRoot, (name) => name, options);
    host.resolveModuleNameLiterals = (literals, containingFile, _redirect, compilerOptions) =>
      literals.map((literal) => {
        const specifier = literal.text;
        if (specifier.startsWith('.')) {
          // A wrong answer's own files come first: a case may replace several files.
          const sibling = path.resolve(path.dirname(containingFile), specifier).replace(/\.(m?)js$/, '.$1ts');
          const inCase = containingFile.startsWith(wrongAnswersDir + path.sep) && existsSync(sibling);
          const file = inCase ? sibling : redirect(target, sourceFileOf(containingFile, specifier));
          if (file) return { resolvedModule: { resolvedFileName: file, extension: ts.Extension.Ts, isExternalLibraryImport: false } };
        }
        return ts.resolveModuleName(specifier, containingFile, compilerOptions, host, cache);
      });
  }
  return host;
}

function format(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(kitRoot, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}

/**
 * Returns the problems found (empty when the target type-checks).
 * Without a target: the whole kit as tsconfig.json describes it.
 * With a target: `roots` (the target's own files) and, unless `withTests` is
 * false, every exercise test — their imports of the starters answered by the
 * target. The kit's test setup and type declarations come along, as in
 * tsconfig.json.
 */
export function typecheck(target?: Target, roots: readonly string[] = [], withTests = true): string[] {
  const config = readTsconfig();
  const isTest = (file: string) => /\/exercises\/.+\.test\.ts$/.test(file);
  const support = (file: string) => /\/workshop\/(testing\/(setup|global-setup)|types\/.+\.d)\.ts$/.test(file);
  const rootNames = target
    ? [...config.fileNames.filter((file) => (withTests && isTest(file)) || support(file)), ...roots]
    : config.fileNames;
  const program = ts.createProgram({ rootNames, options: config.options, host: makeHost(config.options, target) });
  return format(ts.getPreEmitDiagnostics(program));
}
