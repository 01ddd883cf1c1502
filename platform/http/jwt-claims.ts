/**
 * How API Gateway hands JWT claims to an integration: every value is a string. Scalars are printed
 * plainly (`exp` → "1700000000", `email_verified` → "true"); arrays are printed the way Go prints a
 * slice, bracketed and space-separated (`cognito:groups` → "[admin customer]"), which is what handlers
 * reading `requestContext.authorizer.jwt.claims` receive in AWS. Objects and null follow the same Go
 * printing (`map[k:v]`, `<nil>`); Cognito access tokens carry neither.
 */
export const claimValue = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimValue).join(' ')}]`;
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${claimValue(v)}`).join(' ')}]`;
  }
  return String(value);
};

/** All claims of a verified payload, stringified as API Gateway does. */
export const stringifyClaims = (payload: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, claimValue(value)]));
