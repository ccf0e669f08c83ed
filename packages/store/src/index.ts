export * from './clickhouse.js';
export * from './appstate.js';
