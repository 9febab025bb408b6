// The emulator's public surface: start the server, plug products in, and the shapes they use.
export { startEmulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, type EmulatorOptions, type RunningEmulator } from './server';
export { parseFaultSpec, type FaultOptions } from './faults';
export {
  ApiError, registerProduct, unknownAction,
  type ExtraRoute, type ProductApi, type ProductEnvironment, type ProductFactory, type ProductJournal, type RequestContext, type RequestParams,
} from './api/product';
export { INTERRUPTED_ERROR, INTERRUPTED_CAUSE } from './store/fnfStore';
export { EmulatorStartupError } from './startupError';
export { startRun, type Clock, type HistoryEvent, type RunHandle, type RunOptions, type RunResult, type TaskEnvironment } from './engine';
