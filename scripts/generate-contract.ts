import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eventSchemaFiles, unbumpedMessage } from './contract/event-schemas.ts';
import { contractFiles, docsAssetsFile } from './contract/files.ts';

/**
 * `npm run contract`: regenerates the OpenAPI document, the typed client's schema, the events catalog,
 * each event's JSON Schema per version (docs/events/) and the embedded Swagger UI from the code. Commit
 * the result; a unit test fails while it is stale. A published event version is never rewritten with a
 * new shape (consumers parse it): that needs a version bump, so this refuses and writes nothing.
 */
const events = await eventSchemaFiles();
if (events.unbumped.length > 0) {
  console.error(unbumpedMessage(events.unbumped));
  process.exit(1);
}
const files = [...(await contractFiles()), ...events.files, docsAssetsFile()];
for (const file of files) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.content);
  console.log(`wrote ${file.path} (${Buffer.byteLength(file.content)} bytes)`);
}
