import { renderDocsAssetsModule } from './assets.ts';
import { EVENT_SCHEMAS_INDEX, renderEventSchemasIndex } from './event-schemas.ts';
import { renderEventsMarkdown } from './events.ts';
import { formatWithBiome } from './format.ts';
import { renderClientTypes, renderOpenApiJson } from './openapi.ts';

/** The embedded Swagger UI module: compared by content in tests, since gzip bytes vary with zlib. */
export const DOCS_ASSETS_MODULE = 'contexts/system/reference/generated/docs-assets.ts';

/** A file `npm run contract` writes, relative to the repository root. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The generated text files (everything but the embedded assets), formatted as committed. */
export const contractFiles = async (): Promise<GeneratedFile[]> => {
  const openApiJson = renderOpenApiJson();
  const files = [
    { path: 'docs/openapi.json', content: openApiJson },
    { path: 'client/schema.d.ts', content: await renderClientTypes(openApiJson) },
    { path: 'docs/events.md', content: renderEventsMarkdown() },
    { path: EVENT_SCHEMAS_INDEX, content: renderEventSchemasIndex() },
  ];
  return files.map((f) =>
    f.path.endsWith('.md') ? f : { ...f, content: formatWithBiome(f.path, f.content) },
  );
};

/** The embedded assets module, formatted as committed. */
export const docsAssetsFile = (): GeneratedFile => ({
  path: DOCS_ASSETS_MODULE,
  content: formatWithBiome(DOCS_ASSETS_MODULE, renderDocsAssetsModule()),
});
