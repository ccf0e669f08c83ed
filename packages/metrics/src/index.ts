export * from './contract/events.js';
export * from './contract/fields.js';
export * from './contract/validate.js';
