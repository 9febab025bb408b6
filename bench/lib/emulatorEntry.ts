// What the emulator benchmark runs in its own process, bundled the way the CLI ships (see bundle.ts).
export { staticCredentials } from '../../cloud/src/credentials';
export { FnfClient } from '../../cloud/src/fnf/client';
export { RateLimiter } from '../../cloud/src/rpc/tokenBucket';
export { systemClock } from '../../cloud/src/rpc/clock';
export { createUndiciTransport } from '../../cloud/src/http/transport';
export { startEmulator } from '../../emulator/src/server';
