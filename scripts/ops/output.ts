/** How a command reports: human lines and progress on a terminal, or one JSON document for scripts. */
export interface Output {
  readonly json: boolean;
  /** A line for people (stdout); nothing with `--json`. */
  line(text: string): void;
  /** The command's result: printed as JSON with `--json`, else by `human`. */
  result(value: unknown, human: () => void): void;
  /** A progress bar on stderr for long work; a no-op with `--json` or when stderr is not a terminal. */
  progress(label: string): Progress;
}

export interface Progress {
  /** `fraction` from 0 to 1. */
  update(fraction: number, detail?: string): void;
  done(detail?: string): void;
}

const WIDTH = 30;

const bar = (fraction: number): string => {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
};

export const output = (json: boolean): Output => {
  const tty = process.stderr.isTTY === true && !json;
  return {
    json,
    line: (text) => {
      if (!json) console.log(text);
    },
    result: (value, human) => {
      if (json) console.log(JSON.stringify(value, null, 2));
      else human();
    },
    progress: (label) => {
      let last = -1;
      return {
        update: (fraction, detail) => {
          if (!tty) return;
          const percent = Math.round(fraction * 100);
          if (percent === last) return;
          last = percent;
          process.stderr.write(`\r${label} ${bar(fraction)}${detail ? ` ${detail}` : ''}\x1b[K`);
        },
        done: (detail) => {
          if (tty) process.stderr.write(`\r${label} ${bar(1)}${detail ? ` ${detail}` : ''}\x1b[K\n`);
        },
      };
    },
  };
};

/** An error the user can act on: printed as its message alone, exit code 1 (2 for usage). */
export class OpsError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'OpsError';
    this.exitCode = exitCode;
  }
}
