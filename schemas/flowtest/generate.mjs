// Writes the flow test file JSON Schema from its TypeScript source of truth
// (server/src/schema/flowtest.ts), for editors and tools outside Flowdeck.
// Run: node --import tsx schemas/flowtest/generate.mjs  (a unit test fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowtestSchema } from '../../server/src/schema/flowtest.ts';

writeFileSync(join(import.meta.dirname, 'flowtest.schema.json'), JSON.stringify(flowtestSchema, null, 2) + '\n');
