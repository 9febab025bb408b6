// The products the emulator serves, in one list: fnf, CAMS and CynosDB, plus any product
// registered with registerProduct.
import type { Clock, TaskEnvironment } from '../engine';
import { camsProduct } from './cams';
import { cynosdbProduct } from './cynosdb';
import { createFnfProduct } from './fnf';
import { registeredProducts, type ProductFactory } from './product';
import type { AppendLogOptions } from '../store/appendLog';

export interface BuiltinProductOptions {
  readonly tasks: TaskEnvironment;
  readonly onError: (err: unknown) => void;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly noSync?: boolean;
  readonly log?: AppendLogOptions;
  readonly compactMinGarbage?: number;
}

export function builtinProducts(options: BuiltinProductOptions): ProductFactory[] {
  return [(env) => createFnfProduct(env, options), camsProduct, cynosdbProduct, ...registeredProducts()];
}
