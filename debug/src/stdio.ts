// The adapter over stdin/stdout (`flowdeck debug-adapter`): DAP's Content-Length framing in, the
// same out. Resolves when the client disconnects or closes the stream.
import { FlowDebugSession } from './session';

export async function runDebugAdapterOnStdio(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, cwd: string): Promise<void> {
  const session = new FlowDebugSession({ cwd });
  session.start(input, output);
  await session.done;
}
