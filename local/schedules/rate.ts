import type { ScheduleDef } from '#platform/definition/types.ts';

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/** The period of an EventBridge `rate(...)` expression in milliseconds; anything else is an error. */
export const rateToMs = (rate: ScheduleDef['rate'] | string): number => {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(rate);
  if (!match)
    throw new Error(`Unsupported schedule expression: ${rate} (the local cloud runs rate(...) only)`);
  const value = Number(match[1]);
  const unit = match[2]!.replace(/s$/, '') as keyof typeof UNIT_MS;
  // EventBridge insists on the singular for 1 and the plural otherwise.
  if ((value === 1) !== (match[2] === unit) || value < 1)
    throw new Error(`Invalid schedule expression: ${rate}`);
  return value * UNIT_MS[unit];
};
