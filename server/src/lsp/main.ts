// Language server entry point: a connection over the transport the client chose (IPC or stdio).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { keepShortLivedObjectsYoung } from './heapTuning';

keepShortLivedObjectsYoung();

const connection = createConnection(ProposedFeatures.all);
const server = startServer(connection);
connection.onShutdown(() => server.dispose());
connection.listen();
