import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Generated secrets of the local cloud (AWS: Secrets Manager values resolved at deploy). Random per
 * start in memory mode; kept in the data directory with `--data`, so cursors survive a restart.
 */
export const localSecrets = (dataDir?: string) => {
  const file = dataDir ? join(dataDir, 'secrets.json') : undefined;
  const values: Record<string, string> =
    file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  return (name: string): string => {
    if (!values[name]) {
      values[name] = randomBytes(32).toString('base64url');
      if (file && dataDir) {
        mkdirSync(dataDir, { recursive: true });
        writeFileSync(file, JSON.stringify(values, null, 2), { mode: 0o600 });
      }
    }
    return values[name];
  };
};
