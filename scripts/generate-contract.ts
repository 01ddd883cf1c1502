import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { contractFiles, docsAssetsFile } from './contract/files.ts';

/**
 * `npm run contract`: regenerates the OpenAPI document, the typed client's schema, the events catalog
 * and the embedded Swagger UI from the code. Commit the result; a unit test fails while it is stale.
 */
const files = [...(await contractFiles()), docsAssetsFile()];
for (const file of files) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.content);
  console.log(`wrote ${file.path} (${Buffer.byteLength(file.content)} bytes)`);
}
