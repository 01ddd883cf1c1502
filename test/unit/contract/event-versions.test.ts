import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventDefinition } from '#platform/events/definition.ts';
import {
  eventSchemaFiles,
  eventSchemaPath,
  unbumpedMessage,
} from '../../../scripts/contract/event-schemas.ts';

describe('event contract', () => {
  it('publishes every event’s current version, and no event changed shape without a version bump', async () => {
    const { files, unbumped } = await eventSchemaFiles();
    expect(unbumped, unbumpedMessage(unbumped)).toEqual([]);
    for (const file of files) {
      const committed = await readFile(file.path, 'utf8').catch(() => '');
      expect(committed, `${file.path} is missing or stale: run \`npm run contract\` and commit it`).toBe(
        file.content,
      );
    }
    console.log(`Event contract: ${files.length} events, each published at its current schema version`);
  });

  describe('the version check', () => {
    const v1: EventDefinition = {
      source: 'commerce.test',
      detailType: 'ThingHappened',
      schema: z.object({ thingId: z.string() }).meta({ description: 'A thing happened' }),
    };
    const publishedV1 = async () => (await eventSchemaFiles([v1], async () => undefined)).files[0]?.content;
    const against = (published: string | undefined) => async (path: string) =>
      path === eventSchemaPath(v1) ? published : undefined;

    it('refuses a new field under the published version', async () => {
      const changed = { ...v1, schema: z.object({ thingId: z.string(), extra: z.number() }) };
      const { unbumped } = await eventSchemaFiles([changed], against(await publishedV1()));
      expect(unbumped).toEqual([
        { event: 'commerce.test ThingHappened v1', path: 'docs/events/test/ThingHappened.v1.json' },
      ]);
    });

    it('refuses a narrowed type and a dropped field', async () => {
      for (const schema of [z.object({ thingId: z.uuid() }), z.object({})]) {
        const { unbumped } = await eventSchemaFiles([{ ...v1, schema }], against(await publishedV1()));
        expect(unbumped).toHaveLength(1);
      }
    });

    it('accepts the change as a new version, in a file of its own', async () => {
      const v2 = { ...v1, schemaVersion: 2, schema: z.object({ thingId: z.string(), extra: z.number() }) };
      const { files, unbumped } = await eventSchemaFiles([v2], against(await publishedV1()));
      expect(unbumped).toEqual([]);
      expect(files.map((f) => f.path)).toEqual(['docs/events/test/ThingHappened.v2.json']);
    });

    it('accepts reworded prose under the same version', async () => {
      const reworded = { ...v1, schema: z.object({ thingId: z.string() }).meta({ description: 'Reworded' }) };
      const { unbumped } = await eventSchemaFiles([reworded], against(await publishedV1()));
      expect(unbumped).toEqual([]);
    });
  });
});
