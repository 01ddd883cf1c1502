import type { AppError } from '#platform/errors/index.ts';

/** One product as read from an import file: where it starts (line number), and its raw value or why not. */
export interface SourceRow {
  readonly row: number;
  readonly value?: unknown;
  readonly error?: AppError;
}
