// Writes the FDL JSON Schemas (current and legacy spec) from their TypeScript source of truth
// in server/src/schema/fdl/, for editors and tools outside Flowdeck.
// Run: node --import tsx schemas/fdl/generate.mjs  (a unit test fails when these files are stale)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fdlCurrentSchema } from '../../server/src/schema/fdl/current.ts';
import { fdlLegacySchema } from '../../server/src/schema/fdl/legacy.ts';

const here = import.meta.dirname;
const write = (path, schema) => writeFileSync(path, JSON.stringify(schema, null, 2) + '\n');
write(join(here, 'fdl.schema.json'), fdlCurrentSchema);
write(join(here, '..', 'fdl-legacy', 'fdl-legacy.schema.json'), fdlLegacySchema);
