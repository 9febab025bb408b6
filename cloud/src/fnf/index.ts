export * from './types';
export * from './client';
export * from './endpoints';
export * from './operations';
export * from './facts';
export * from './deploySettings';
export { checkName, jsonObjectText } from './validate';
