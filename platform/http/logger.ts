import { Logger } from '@aws-lambda-powertools/logger';

/** The logger every HTTP function shares (service name from POWERTOOLS_SERVICE_NAME). */
export const logger = new Logger();
