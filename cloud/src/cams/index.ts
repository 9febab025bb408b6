export * from './types';
export * from './client';
export * from './uploader';
export * from './ossUploader';
