// Writes server/src/schema/validators.generated.js, the validators of Flowdeck's own schemas
// generated ahead of time (see server/src/schema/precompile.ts). Run after changing a schema:
// node --import tsx scripts/precompile-schemas.mjs  (a unit test fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedValidatorsSource } from '../server/src/schema/precompile.ts';

writeFileSync(join(import.meta.dirname, '..', 'server', 'src', 'schema', 'validators.generated.js'), generatedValidatorsSource());
