export { createSimulation, simulateUntil, defaultSizes, runTag, BASE_ORDERS_PER_DAY, type Simulation, type SimulationOptions } from './simulation.js';
export { sendBatches, SendError, retryAfterMs, type EventSource, type SendOptions, type SendProgress, type SendSummary, type RejectedEvent, type RetryInfo } from './sender.js';
export { playEvents, defaultStart, MAX_AHEAD_MS, type PlayOptions } from './play.js';
