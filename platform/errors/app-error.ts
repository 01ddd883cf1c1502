/** Fields a typed error carries into its problem+json response (RFC 9457). */
export interface ProblemFields {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
  /** Response headers the answer needs (`retry-after` on a 429). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One invalid input field: where it is and what is wrong with it. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The base of every error a request can end in. Subclasses only fix `statusCode`, `code` and `title`;
 * the error handler turns any `AppError` into problem+json and everything else into a bare 500.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly title: string;
  readonly errors?: readonly FieldIssue[];
  readonly headers?: Readonly<Record<string, string>>;

  constructor(fields: ProblemFields, options?: { cause?: unknown }) {
    super(fields.detail ?? fields.title, options);
    this.name = new.target.name;
    this.statusCode = fields.status;
    this.code = fields.code;
    this.title = fields.title;
    if (fields.errors) this.errors = fields.errors;
    if (fields.headers) this.headers = fields.headers;
  }

  /** The RFC 9457 body; `type` is a stable URN built from the code. */
  toJSON(): Record<string, unknown> {
    return {
      type: `urn:problem:commerce:${this.code}`,
      title: this.title,
      status: this.statusCode,
      code: this.code,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
