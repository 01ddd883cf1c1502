import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The base URL the caller reached this API at: API Gateway's domain and, for a named stage, its path
 * prefix. `x-forwarded-proto` is set by API Gateway (https) and the local gateway (http).
 */
export const serverUrlOf = (event: APIGatewayProxyEventV2): string => {
  const forwarded = event.headers['x-forwarded-proto']?.split(',')[0]?.trim();
  const scheme = forwarded === 'http' ? 'http' : 'https';
  const { domainName, stage } = event.requestContext;
  return `${scheme}://${domainName}${stage === '$default' ? '' : `/${stage}`}`;
};
