import { OpsError } from './output.ts';

/** ISO 8601, or a span back from now: `90s`, `30m`, `6h`, `1d`. */
export const parseTime = (text: string | undefined, flag: string, now = Date.now()): Date => {
  if (text === undefined) throw new OpsError(`${flag} is required`, 2);
  const span = /^(\d+)([smhd])$/.exec(text);
  if (span) {
    const unit = { s: 1, m: 60, h: 3600, d: 86400 }[span[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now - Number(span[1]) * unit * 1000);
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new OpsError(`${flag} ${text} is not a time (ISO 8601, or 30m, 6h, 1d)`, 2);
  return date;
};
