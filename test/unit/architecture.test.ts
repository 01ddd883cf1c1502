import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of the repository's own code, read from the source: which module imports which
 * (type-only imports included: a cycle of types still ties two files together).
 */
const ROOTS = ['app', 'bin', 'infra', 'platform', 'contexts', 'local', 'scripts', 'bench', 'client', 'test'];
const ALIASES: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).imports;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Where a specifier points: a repository file, or the package name of a dependency. */
const resolve = (from: string, specifier: string): { file?: string; pkg?: string } => {
  for (const [alias, target] of Object.entries(ALIASES)) {
    const prefix = alias.replace('*', '');
    if (specifier.startsWith(prefix))
      return { file: normalize(target.replace('*', specifier.slice(prefix.length))) };
  }
  if (specifier.startsWith('.')) return { file: normalize(join(dirname(from), specifier)) };
  const parts = specifier.split('/');
  return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier) };
};

interface Module {
  readonly files: string[];
  readonly packages: string[];
}

const graph = new Map<string, Module>(
  ROOTS.flatMap(sourceFiles).map((file) => {
    const files: string[] = [];
    const packages: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolve(file, (match[1] ?? match[2]) as string);
      if (target.file) files.push(target.file);
      if (target.pkg) packages.push(target.pkg);
    }
    return [file, { files, packages }];
  }),
);

/** Strongly connected components of more than one module (Tarjan): each is an import circle. */
const importCircles = (): string[][] => {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file)?.files ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const circle: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      circle.push(member);
      if (member === file) break;
    }
    if (circle.length > 1 || graph.get(file)?.files.includes(file)) circles.push(circle.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
};

/** Every import of `files` that `refuse` objects to, as `importer → target`. */
const violations = (
  files: (file: string) => boolean,
  refuse: (target: { file?: string; pkg?: string }) => boolean,
): string[] =>
  [...graph]
    .filter(([file]) => files(file))
    .flatMap(([file, m]) => [
      ...m.files.filter((f) => refuse({ file: f })).map((f) => `${file} → ${f}`),
      ...m.packages.filter((p) => refuse({ pkg: p })).map((p) => `${file} → ${p}`),
    ]);

const SDKS = (pkg: string | undefined) =>
  pkg !== undefined &&
  (pkg.startsWith('@aws-sdk/') ||
    pkg.startsWith('@aws-lambda-powertools/') ||
    pkg.startsWith('@middy/') ||
    pkg === 'aws-lambda' ||
    pkg === 'stripe');
const inDomain = (file: string) => /^contexts\/[^/]+\/domain\//.test(file);
const under =
  (...dirs: string[]) =>
  (file: string | undefined) =>
    file !== undefined && dirs.some((d) => file.startsWith(`${d}/`));

describe('architecture', () => {
  it('reads a graph of the whole repository', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect([...graph.keys()].filter((f) => f.startsWith('contexts/')).length).toBeGreaterThan(100);
  });

  it('has no import circles', () => {
    expect(importCircles()).toEqual([]);
  });

  it('keeps every domain/ pure: no AWS, Lambda, HTTP, provider or data-layer imports', () => {
    expect(
      violations(
        inDomain,
        ({ file, pkg }) =>
          SDKS(pkg) ||
          under('platform/http', 'platform/data', 'platform/config', 'app', 'infra', 'local')(file) ||
          (file !== undefined && /^contexts\/[^/]+\/(data|operations|lambda|workflow)\//.test(file)),
      ),
    ).toEqual([]);
  });

  it('lets only data/ and lambda/ of a context call the AWS SDK', () => {
    expect(
      violations(
        (file) => file.startsWith('contexts/') && !/^contexts\/[^/]+\/(data|lambda)\//.test(file),
        ({ pkg }) => pkg?.startsWith('@aws-sdk/') === true,
      ),
    ).toEqual([]);
  });

  it('keeps platform/ free of contexts and of the application built from them', () => {
    expect(
      violations(under('platform'), ({ file }) => under('contexts', 'app', 'infra', 'local')(file)),
    ).toEqual([]);
  });

  it('keeps contexts free of the composition and of either cloud', () => {
    expect(violations(under('contexts'), ({ file }) => under('app', 'infra', 'local', 'bin')(file))).toEqual(
      [],
    );
  });

  it('keeps the local cloud free of the CDK', () => {
    expect(
      violations(
        under('local'),
        ({ file, pkg }) =>
          under('infra', 'bin')(file) || ['aws-cdk-lib', 'constructs', 'cdk-nag'].includes(pkg ?? ''),
      ),
    ).toEqual([]);
  });
});
