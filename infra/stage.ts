import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { parseThrottleOverrides, type ThrottleOverrides } from '#platform/definition/throttling.ts';

/** Everything that differs between a throwaway stage and production, decided in one place. */
export interface StageSettings {
  readonly name: string;
  readonly isProd: boolean;
  /** Prod keeps data and audit logs when the stack is deleted; other stages clean up after themselves. */
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  readonly archiveRetention: Duration;
  readonly logLevel: 'DEBUG' | 'INFO';
  /**
   * The origins browsers may call the HTTP API from (its CORS `allowOrigins`). Prod lists its storefronts
   * (`-c corsOrigins=`) and allows none until it does; other stages allow any origin unless told.
   */
  readonly corsOrigins: readonly string[];
  /** Who the stage's e-mail comes from, and the SES identity that may send it (docs/deploy.md). */
  readonly mail: StageMail;
  /** Subscribed to the stage's alarm topic by e-mail (`-c alarmEmail=`). @default none */
  readonly alarmEmail?: string;
  /** Throttle groups whose limits this stage changes (`-c throttle=checkout=100/200`). @default none */
  readonly throttle: ThrottleOverrides;
  /**
   * Lambda concurrency reserved for each function the definition's throttling lists as `reservedFor`
   * (`-c reservedConcurrency=`). It is taken from the account's pool (1,000 by default, and Lambda keeps
   * 100 unreserved), so it stays small; 0 reserves nothing. @default 10 on `prod*` stages, else 0
   */
  readonly reservedConcurrency: number;
}

/** The sender of a stage's e-mail. */
export interface StageMail {
  /** `MAIL_FROM` (`-c mailFrom=`): an address of `identity`. Other stages default to `orders@example.com`. */
  readonly from: string;
  /**
   * The SES identity verified for the sender (`-c mailIdentity=`): its domain or the address itself.
   * @default the domain of `from`
   */
  readonly identity: string;
  /** A configuration set to send with (`-c mailConfigurationSet=`). @default none */
  readonly configurationSet?: string;
}

/** The sender of a stage that names none: fine to synthesize and try, never verified in a real account. */
export const DEFAULT_MAIL_FROM = 'orders@example.com';

const EMAIL = /^[^\s@<>",;]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const CONFIGURATION_SET = /^[A-Za-z0-9_-]{1,64}$/;

/** The mail settings from the context's strings; throws on an address or name SES would refuse. */
export const parseStageMail = (
  stage: string,
  isProd: boolean,
  options: { readonly from?: string; readonly identity?: string; readonly configurationSet?: string },
): StageMail => {
  // Prod fails closed: its mail must come from an identity ops verified, never from a placeholder.
  if (options.from === undefined && isProd)
    throw new Error(`Stage "${stage}" sends mail: pass -c mailFrom=<address of a verified SES identity>.`);
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const domain = EMAIL.exec(from)?.[1];
  if (!domain) throw new Error(`Invalid mailFrom "${from}": use an address like orders@shop.example.com.`);
  const identity = options.identity ?? domain.toLowerCase();
  if (identity !== domain.toLowerCase() && identity.toLowerCase() !== from.toLowerCase())
    throw new Error(`Invalid mailIdentity "${identity}": use ${domain} or ${from}, the sender's identity.`);
  if (options.configurationSet !== undefined && !CONFIGURATION_SET.test(options.configurationSet))
    throw new Error(`Invalid mailConfigurationSet "${options.configurationSet}".`);
  return {
    from,
    identity,
    ...(options.configurationSet ? { configurationSet: options.configurationSet } : {}),
  };
};

// The stage ends up in the stack name (and through it in every generated resource name), so it must be
// something CloudFormation accepts and short enough to leave room for the generated suffixes.
const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** The stack of a stage, `Commerce-<stage>`: what `cdk deploy` creates and scripts look up. */
export const stackName = (stage: string): string => `Commerce-${stage}`;

/** `prod`, `prod-eu`, `production`: any stage whose name starts with `prod` is treated as production. */
export const isProdStage = (name: string): boolean => name.startsWith('prod');

// What API Gateway accepts in `allowOrigins`: `*`, `https://*` / `http://*`, or one origin (no path).
const ORIGIN = /^(\*|https?:\/\/\*|https?:\/\/[a-z0-9.-]+(:\d{1,5})?)$/;

/** `https://a.example,https://b.example` → its origins; throws on anything that is not an origin. */
export const parseCorsOrigins = (value: string): string[] => {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const invalid = origins.find((o) => !ORIGIN.test(o));
  if (invalid !== undefined || origins.length === 0) {
    throw new Error(`Invalid corsOrigins "${value}": use *, or origins like https://shop.example.com.`);
  }
  return origins;
};

/** The settings of a stage, by name; throws on a name that cannot be part of a stack name. */
export const stageSettings = (
  name: string,
  options: {
    readonly corsOrigins?: readonly string[];
    readonly mailFrom?: string;
    readonly mailIdentity?: string;
    readonly mailConfigurationSet?: string;
    readonly alarmEmail?: string;
    readonly throttle?: ThrottleOverrides;
    readonly reservedConcurrency?: number;
  } = {},
): StageSettings => {
  if (!STAGE_NAME.test(name)) {
    throw new Error(`Invalid stage "${name}": use lower-case letters, digits and dashes (max 20).`);
  }
  const isProd = isProdStage(name);
  return {
    name,
    isProd,
    removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    // PCI DSS 10.7 asks for a year of audit trail in production; a month is plenty to debug a dev stage.
    logRetention: isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    archiveRetention: isProd ? Duration.days(365) : Duration.days(7),
    logLevel: isProd ? 'INFO' : 'DEBUG',
    // Prod fails closed: no browser origin until ops name the storefront's.
    corsOrigins: options.corsOrigins ?? (isProd ? [] : ['*']),
    mail: parseStageMail(name, isProd, {
      from: options.mailFrom,
      identity: options.mailIdentity,
      configurationSet: options.mailConfigurationSet,
    }),
    ...(options.alarmEmail === undefined ? {} : { alarmEmail: parseAlarmEmail(options.alarmEmail) }),
    throttle: options.throttle ?? {},
    // Dev accounts often have a concurrency quota of 10, where Lambda refuses any reservation (it keeps
    // its minimum unreserved): only production reserves by default.
    reservedConcurrency: checkReservedConcurrency(options.reservedConcurrency ?? (isProd ? 10 : 0)),
  };
};

/** A count of reserved executions; throws on what Lambda would refuse or a typo would make huge. */
const checkReservedConcurrency = (value: number): number => {
  if (!Number.isInteger(value) || value < 0 || value > 900)
    throw new Error(`Invalid reservedConcurrency "${value}": use a whole number from 0 (off) to 900.`);
  return value;
};

/** The address alarms are e-mailed to; throws on one SNS would refuse. */
const parseAlarmEmail = (value: string): string => {
  if (!EMAIL.test(value))
    throw new Error(`Invalid alarmEmail "${value}": use an address like ops@example.com.`);
  return value;
};

/**
 * The stage passed with `-c stage=<name>`. `cdk.json` supplies `dev`; there is deliberately no second
 * default here, so a missing stage is an error rather than a silent deploy to the wrong place.
 */
export const stageFromContext = (scope: Construct): StageSettings => {
  const value: unknown = scope.node.tryGetContext('stage');
  if (typeof value !== 'string') throw new Error('No stage: pass -c stage=<name> (cdk.json sets dev).');
  const text = (key: string): string | undefined => {
    const v: unknown = scope.node.tryGetContext(key);
    if (v !== undefined && typeof v !== 'string') throw new Error(`Pass -c ${key}=<value>`);
    return v;
  };
  const origins = text('corsOrigins');
  const throttle = text('throttle');
  const reserved = text('reservedConcurrency');
  return stageSettings(value, {
    ...(throttle === undefined ? {} : { throttle: parseThrottleOverrides(throttle) }),
    ...(reserved === undefined
      ? {}
      : { reservedConcurrency: /^\d+$/.test(reserved) ? Number(reserved) : Number.NaN }),
    corsOrigins: origins === undefined ? undefined : parseCorsOrigins(origins),
    mailFrom: text('mailFrom'),
    mailIdentity: text('mailIdentity'),
    mailConfigurationSet: text('mailConfigurationSet'),
    alarmEmail: text('alarmEmail'),
  });
};
