import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { esbuildOptions } from '#app/bundling.ts';

/** The same bundle, expressed as `NodejsFunction` bundling options. */
export const nodejsBundling: BundlingOptions = {
  format: OutputFormat.ESM, // esbuildOptions.format
  target: esbuildOptions.target,
  minify: esbuildOptions.minify,
  keepNames: esbuildOptions.keepNames,
  sourceMap: esbuildOptions.sourcemap,
  mainFields: [...esbuildOptions.mainFields],
  banner: esbuildOptions.banner.js,
  externalModules: [...esbuildOptions.external],
  logLevel: LogLevel.WARNING, // esbuildOptions.logLevel
  bundleAwsSDK: true,
  // esbuild is a local devDependency; never fall back to a Docker image (there may be no Docker).
  forceDockerBundling: false,
};
