/** Where the local SQS writes its one-line diagnostics. */
export type Log = (line: string) => void;

/** Writes to stderr so diagnostics never mix with what `npm start` prints on stdout. */
export const stderrLog: Log = (line) => {
  process.stderr.write(`[sqs] ${line}\n`);
};

/** A thrown value as one short line: a Lambda `FunctionError` keeps its error type. */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const type = 'errorType' in error && typeof error.errorType === 'string' ? error.errorType : error.name;
  return `${type}: ${error.message}`;
};
