// Writes one JSON Schema per Flow JSON version from the reference table in
// server/src/whatsapp/spec. Run: node --import tsx schemas/whatsapp/generate.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowJsonSchema } from '../../server/src/whatsapp/spec/jsonSchema.ts';
import { FLOW_JSON_VERSIONS } from '../../server/src/whatsapp/spec/versions.ts';

const dir = import.meta.dirname;
for (const { version } of FLOW_JSON_VERSIONS) {
  writeFileSync(join(dir, `flow-json-${version}.schema.json`), JSON.stringify(flowJsonSchema(version), null, 2) + '\n');
}
process.stdout.write(`wrote ${FLOW_JSON_VERSIONS.length} schemas to ${dir}\n`);
