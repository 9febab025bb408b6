// The products the emulator serves, in one list: fnf here, and every product registered with
// registerProduct (CAMS and CynosDB add themselves from their own folders).
import type { TaskEnvironment } from '../engine';
import { createFnfProduct } from './fnf';
import { registeredProducts, type ProductFactory } from './product';

export interface BuiltinProductOptions {
  readonly tasks: TaskEnvironment;
  readonly onError: (err: unknown) => void;
  readonly noSync?: boolean;
}

export function builtinProducts(options: BuiltinProductOptions): ProductFactory[] {
  return [(env) => createFnfProduct(env, options), ...registeredProducts()];
}
