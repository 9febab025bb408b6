// The bare node:http floor server in a process of its own: answers every request with the text
// of FLOOR_BODY, prints `listening on <endpoint>`, and stops on SIGINT or when its parent goes away.
import { startFloorServer } from './httpFloor';

async function main(): Promise<void> {
  const server = await startFloorServer(process.env['FLOOR_BODY'] ?? '{}');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // stdin is the parent's pipe: its end means the parent is gone.
  process.stdin.on('end', stop).resume();
  process.stdout.write(`listening on ${server.endpoint}\n`);
}

void main();
