import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentedOperations } from '#app/contract.ts';
import type { DocumentedOperation } from '#platform/contract/operation.ts';

/** Where each test worker notes the operations whose 2xx answers it checked (read by test/setup/global.ts). */
export const CONTRACT_COVERAGE_DIR = '.local/contract-coverage';

interface Matcher {
  readonly operation: DocumentedOperation;
  readonly method: string;
  readonly pattern: RegExp;
  readonly params: number;
}

const matchers: readonly Matcher[] = documentedOperations()
  .filter((o) => o.route !== '$default')
  .map((operation) => {
    const [method = '', path = ''] = operation.route.split(' ');
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return { operation, method, pattern, params: (path.match(/\{/g) ?? []).length };
  })
  // A literal segment wins over a parameter (`/admin/products/import` before `/admin/products/{productId}`).
  .sort((a, b) => a.params - b.params);

/** The operation that serves `method path` (the path without its query), if any. */
export const operationFor = (method: string, path: string): DocumentedOperation | undefined =>
  matchers.find((m) => m.method === method.toUpperCase() && m.pattern.test(path))?.operation;

const noted = new Set<string>();
const note = (operationId: string) => {
  if (noted.has(operationId)) return;
  noted.add(operationId);
  mkdirSync(CONTRACT_COVERAGE_DIR, { recursive: true });
  appendFileSync(join(CONTRACT_COVERAGE_DIR, `${process.pid}.txt`), `${operationId}\n`);
};

/**
 * Parses a successful JSON answer against the schema its operation declares for that status, so every
 * 2xx a system test sees is checked against the contract. A mismatch throws and fails the test.
 */
export const checkAnswer = (
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): void => {
  if (status < 200 || status >= 300) return;
  const path = new URL(url).pathname;
  const operation = operationFor(method, path);
  if (!operation) return;
  const declared = operation.responses[status];
  if (!declared)
    throw new Error(`${method} ${path} answered ${status}, which ${operation.operationId} does not declare`);
  if (declared.schema && contentType?.startsWith('application/json')) {
    const parsed = declared.schema.safeParse(body);
    if (!parsed.success)
      throw new Error(
        `${operation.operationId} answered ${status} with a body its contract does not allow: ${parsed.error.message}`,
      );
  }
  note(operation.operationId);
};
