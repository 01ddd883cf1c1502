import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { TokenIssuer } from '#platform/definition/environment.ts';

/** The Cognito group whose members may call `admin` routes (the handlers check `cognito:groups`). */
export const ADMIN_GROUP = 'admin';

export interface AuthProps {
  /**
   * Functions Cognito calls on user pool events.
   * @default no triggers
   */
  readonly postConfirmation?: IFunction;
  /**
   * RETAIN also switches on deletion protection: losing the pool loses every customer's login.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Customer identities: a Cognito user pool customers sign up to themselves with their e-mail, an
 * `admin` group for back-office staff, and a public app client (no secret: it ships inside storefronts).
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Shoppers opt in to an authenticator app; SMS is left out (SIM swapping, per-message cost).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier: compromised-credential and risk-based checks on every sign-in, which is the
      // protection a self-sign-up pool facing the internet needs most (credential stuffing).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });
    if (props.postConfirmation)
      this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, props.postConfirmation);
    this.userPool.addGroup('AdminGroup', {
      groupName: ADMIN_GROUP,
      description: 'Back-office staff: may call admin routes',
    });
    this.client = this.userPool.addClient('StorefrontClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      // Storefronts sign in with SRP through the Cognito API; no hosted UI, so no OAuth flows to abuse.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(30),
    });
  }

  /** The issuer (`iss` claim) of the pool's tokens, which API Gateway's JWT authorizer trusts. */
  get issuer(): string {
    return `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.userPool.userPoolId}`;
  }

  /**
   * What the JWT authorizer trusts, and what functions of `optional` routes verify tokens against:
   * this pool's issuer, its storefront client as audience, and the pool's JWKS (Cognito publishes it
   * at `<issuer>/.well-known/jwks.json`).
   */
  get tokenIssuer(): TokenIssuer {
    return {
      issuer: this.issuer,
      audience: this.client.userPoolClientId,
      jwksUrl: `${this.issuer}/.well-known/jwks.json`,
    };
  }
}
