/**
 * Finds every GraphQL document an app builds with gql.tada's `graphql(text, [fragments])`, in the
 * app's own src/ and in the shared packages/ui it bundles, and rebuilds each one with gql.tada's own
 * runtime `graphql`, fragments included in the same order and as the same objects, so the result is
 * the DocumentNode the browser holds. Read statically (the TypeScript compiler resolves imported
 * fragments), never by running the app's modules.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initGraphQLTada } from 'gql.tada';
import ts from 'typescript';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared shell's sources: every app bundles them, so their documents belong to every manifest. */
const SHARED_SOURCE_DIRS = [join(REPO_ROOT, 'packages/ui/src')];

/** What gql.tada's runtime `graphql` returns: a DocumentNode (its typings are for typed documents). */
export interface TadaDocument {
  kind: 'Document';
  definitions: ReadonlyArray<{
    kind: string;
    operation?: 'query' | 'mutation' | 'subscription';
    name?: { value: string };
  }>;
}

/** Built with gql.tada's runtime: the same function the apps' `graphql` (initGraphQLTada) is. */
const tada = initGraphQLTada() as unknown as (
  text: string,
  fragments?: readonly TadaDocument[],
) => TadaDocument;

export interface FoundDocument {
  /** Repo-relative source file and 1-based line of the `graphql(` call. */
  file: string;
  line: number;
  /** The document as gql.tada builds it at run time. */
  document: TadaDocument;
  /** The operation's type and name when the document holds one; fragments have neither. */
  operation: 'query' | 'mutation' | 'subscription' | null;
  name: string | null;
}

export class ExtractionError extends Error {
  constructor(node: ts.Node, message: string) {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    super(`${relative(REPO_ROOT, file.fileName)}:${line + 1}: ${message}`);
    this.name = 'ExtractionError';
  }
}

function isTestFile(fileName: string): boolean {
  return /\.test\.tsx?$/.test(fileName);
}

function isInside(fileName: string, dirs: readonly string[]): boolean {
  const normalised = resolve(fileName);
  return dirs.some((dir) => normalised === dir || normalised.startsWith(`${dir}${sep}`));
}

/** A TypeScript program over the app's tsconfig (its src, and what it imports from packages/ui). */
function programFor(appDir: string): ts.Program {
  const configPath = join(appDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) {
    throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, appDir);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

/**
 * Whether `callee` is a gql.tada `graphql`: the `graphql` an app or packages/ui makes with
 * initGraphQLTada in its graphql.ts, or gql.tada's own export. Any other function named graphql is
 * refused rather than guessed at.
 */
function isTadaGraphql(checker: ts.TypeChecker, callee: ts.Identifier): boolean {
  let symbol = checker.getSymbolAtLocation(callee);
  if (!symbol) return false;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return false;
  const file = declaration.getSourceFile().fileName;
  if (file.includes(`${sep}node_modules${sep}gql.tada${sep}`) || file.includes('/node_modules/gql.tada/')) {
    return true;
  }
  return (
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    ts.isCallExpression(declaration.initializer) &&
    ts.isIdentifier(declaration.initializer.expression) &&
    declaration.initializer.expression.text === 'initGraphQLTada'
  );
}

function isGraphqlCall(checker: ts.TypeChecker, node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee) && callee.text === 'graphql') {
    if (!isTadaGraphql(checker, callee)) {
      throw new ExtractionError(node, 'a function named `graphql` that is not gql.tada’s; rename it.');
    }
    return true;
  }
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'graphql' &&
    callee.name.text === 'persisted'
  ) {
    throw new ExtractionError(
      node,
      'graphql.persisted() is not supported: write the document with graphql().',
    );
  }
  return false;
}

/** The document text: a string or template literal without substitutions, as JavaScript reads it. */
function documentText(call: ts.CallExpression): string {
  const [first] = call.arguments;
  if (first && (ts.isNoSubstitutionTemplateLiteral(first) || ts.isStringLiteral(first))) {
    return first.text;
  }
  throw new ExtractionError(call, 'the document must be a literal string, without substitutions.');
}

class Extractor {
  private readonly built = new Map<ts.CallExpression, TadaDocument>();
  private readonly building = new Set<ts.CallExpression>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Builds (once) the document of a `graphql(...)` call, its fragments first. */
  build(call: ts.CallExpression): TadaDocument {
    const done = this.built.get(call);
    if (done) return done;
    if (this.building.has(call)) throw new ExtractionError(call, 'fragments refer to each other in a cycle.');
    this.building.add(call);
    const fragments = this.fragmentsOf(call).map((fragmentCall) => this.build(fragmentCall));
    // Same objects for the same fragment, as at run time: gql.tada leaves out a fragment definition
    // it has already added, by identity.
    const document = fragments.length > 0 ? tada(documentText(call), fragments) : tada(documentText(call));
    this.building.delete(call);
    this.built.set(call, document);
    return document;
  }

  private fragmentsOf(call: ts.CallExpression): ts.CallExpression[] {
    const list = call.arguments[1];
    if (list === undefined) return [];
    if (!ts.isArrayLiteralExpression(list)) {
      throw new ExtractionError(call, 'the fragments must be an array literal of fragment constants.');
    }
    return list.elements.map((element) => this.resolveFragment(element));
  }

  /** `[CountFields]`: the `graphql(...)` call the identifier was declared with, here or imported. */
  private resolveFragment(element: ts.Expression): ts.CallExpression {
    if (!ts.isIdentifier(element)) {
      throw new ExtractionError(element, 'a fragment must be named by a constant.');
    }
    let symbol = this.checker.getSymbolAtLocation(element);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (
      declaration &&
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      isGraphqlCall(this.checker, declaration.initializer)
    ) {
      return declaration.initializer;
    }
    throw new ExtractionError(element, `"${element.text}" is not a constant made with graphql(...).`);
  }
}

function operationOf(document: TadaDocument): Pick<FoundDocument, 'operation' | 'name'> {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') {
      return { operation: definition.operation ?? null, name: definition.name?.value ?? null };
    }
  }
  return { operation: null, name: null };
}

/**
 * Every `graphql(...)` document of the app at `appDir` (apps/<name>) and of packages/ui, test files
 * left out, in source order. Throws on a document it cannot read statically, so no operation the
 * app sends can be silently missing from its manifest.
 */
export function findDocuments(appDir: string): FoundDocument[] {
  const root = resolve(appDir);
  const sourceDirs = [join(root, 'src'), ...SHARED_SOURCE_DIRS];
  const program = programFor(root);
  const checker = program.getTypeChecker();
  const extractor = new Extractor(checker);
  const found: FoundDocument[] = [];
  const files = program
    .getSourceFiles()
    .filter(
      (file) => !file.isDeclarationFile && !isTestFile(file.fileName) && isInside(file.fileName, sourceDirs),
    )
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (isGraphqlCall(checker, node)) {
        const document = extractor.build(node);
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push({
          file: relative(REPO_ROOT, file.fileName).split(sep).join('/'),
          line: line + 1,
          document,
          ...operationOf(document),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
