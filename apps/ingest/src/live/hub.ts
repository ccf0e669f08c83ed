import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyBaseLogger } from 'fastify';
import { parseMetricQuery, runMetric, type QueryParams } from '@stockpulse/metrics';
import { unavailable } from '../errors.js';

/**
 * Live KPI snapshots for `GET /v1/live`. The writer calls `notify()` after each insert;
 * the hub recomputes at most once per `minIntervalMs` (the first notify after a quiet
 * spell runs at once, a burst behind it is coalesced into one trailing run), and only for
 * the subscriptions that exist. Subscribers with the same canonical key (metrics, the
 * filters each KPI takes, tz, window) form one group: each KPI query runs once per
 * recompute however many groups or subscribers need it, and a group fans its snapshot
 * out only when a value changed.
 */

/** One KPI of a subscription, with the parameters it takes (re-parsed with the clock at each recompute). */
export interface LiveQuery {
  metric: string;
  params: QueryParams;
  /** Canonical: equal keys run the same SQL at the same clock. */
  key: string;
}

/** A validated subscription (routes.ts builds it). Equal keys share one group. */
export interface LiveSpec {
  key: string;
  queries: LiveQuery[];
}

/** One tile: `rows[0]` of the metric's total, or nulls when there is no row. */
export interface LiveValue {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** Where a subscriber's events go: the route turns them into SSE frames. */
export interface LiveSink {
  /** `data` is the JSON text of one snapshot, shared by every subscriber of the group. */
  snapshot(data: string): void;
  ping(): void;
  /** The hub is closing (app shutdown). */
  end(): void;
}

export interface LiveSubscription {
  /** Resolves once the group has a snapshot; rejects when the first one cannot be computed. */
  readonly ready: Promise<void>;
  /** Sends the current snapshot now, then every change. No-op once closed. */
  start(): void;
  close(): void;
}

export interface LiveHubStats {
  subscribers: number;
  keys: number;
  /** Notify- or refresh-driven recompute rounds (a new group's first snapshot is not one). */
  recomputes: number;
  /** KPI queries run, all rounds and first snapshots included. */
  queries: number;
  /** How long the last round took: the floor under the snapshot delay when many keys are open. */
  lastRecomputeMs: number;
}

export interface LiveHubOptions {
  reader: ClickHouseClient;
  /** The app clock: rolling windows and "as of now" KPIs move with it. */
  now: () => number;
  log: FastifyBaseLogger;
  minIntervalMs?: number;
  heartbeatMs?: number;
  /** Recompute without new events too, so rolling windows and "as of now" KPIs stay true. */
  refreshMs?: number;
  maxKeys?: number;
  maxSubscribers?: number;
  /** KPI queries in flight at once: a round of many keys must not crowd out /v1/metrics. */
  maxConcurrentQueries?: number;
}

interface Group {
  spec: LiveSpec;
  subscribers: Set<Subscriber>;
  /** The last metrics object, as JSON: what "changed" is compared against. */
  metricsJson?: string;
  /** The last snapshot event's data. */
  data?: string;
  first?: Promise<void>;
  /** Refreshes started / the newest one applied: an older result never overwrites a newer one. */
  started: number;
  applied: number;
}

interface Subscriber {
  group: Group;
  sink: LiveSink;
  active: boolean;
  closed: boolean;
  sentJson?: string;
}

type Shared = Map<string, Promise<{ value: LiveValue; fromMs: number; toMs: number }>>;

const RETRY_AFTER_S = 10;

export class LiveHub {
  private readonly groups = new Map<string, Group>();
  private subscriberCount = 0;
  private readonly counters = { recomputes: 0, queries: 0, lastRecomputeMs: 0 };
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private dirty = false;
  private running = false;
  private closed = false;
  private lastRunAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly refresher: NodeJS.Timeout;
  private readonly minIntervalMs: number;
  private readonly maxKeys: number;
  private readonly maxSubscribers: number;
  private readonly maxConcurrentQueries: number;

  constructor(private readonly opts: LiveHubOptions) {
    this.minIntervalMs = opts.minIntervalMs ?? 250;
    this.maxKeys = opts.maxKeys ?? 50;
    this.maxSubscribers = opts.maxSubscribers ?? 500;
    this.maxConcurrentQueries = opts.maxConcurrentQueries ?? 2;
    // One timer each for all subscribers; unref'd so that they never keep a process alive.
    this.heartbeat = setInterval(() => this.pingAll(), opts.heartbeatMs ?? 15_000).unref();
    this.refresher = setInterval(() => this.notify(), opts.refreshMs ?? 60_000).unref();
  }

  /** New events are queryable. Cheap: schedules at most one recompute per interval. */
  notify(): void {
    if (this.closed || this.groups.size === 0) return;
    this.dirty = true;
    this.schedule();
  }

  /** Throws 503 (with Retry-After) when the process already serves its bound of streams or keys. */
  subscribe(spec: LiveSpec, sink: LiveSink): LiveSubscription {
    if (this.closed) throw unavailable('the service is shutting down', RETRY_AFTER_S);
    if (this.subscriberCount >= this.maxSubscribers) throw unavailable(`at most ${this.maxSubscribers} live streams per process`, RETRY_AFTER_S);
    let group = this.groups.get(spec.key);
    if (!group) {
      if (this.groups.size >= this.maxKeys) throw unavailable(`at most ${this.maxKeys} distinct live queries per process`, RETRY_AFTER_S);
      group = { spec, subscribers: new Set(), started: 0, applied: 0 };
      this.groups.set(spec.key, group);
    }
    const sub: Subscriber = { group, sink, active: false, closed: false };
    group.subscribers.add(sub);
    this.subscriberCount++;
    return {
      ready: this.firstSnapshot(group),
      start: () => {
        if (sub.closed) return;
        sub.active = true;
        this.deliver(sub);
      },
      close: () => this.unsubscribe(sub),
    };
  }

  stats(): LiveHubStats {
    return { subscribers: this.subscriberCount, keys: this.groups.size, ...this.counters };
  }

  /** Ends every stream (app shutdown). */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearInterval(this.refresher);
    if (this.timer) clearTimeout(this.timer);
    for (const group of [...this.groups.values()]) {
      for (const sub of [...group.subscribers]) {
        this.unsubscribe(sub);
        sub.sink.end();
      }
    }
  }

  private firstSnapshot(group: Group): Promise<void> {
    if (group.data !== undefined) return Promise.resolve();
    group.first ??= this.refresh(group, this.opts.now(), new Map()).catch((err: unknown) => {
      group.first = undefined;
      throw err;
    });
    return group.first;
  }

  private unsubscribe(sub: Subscriber): void {
    if (sub.closed) return;
    sub.closed = true;
    sub.active = false;
    const { group } = sub;
    group.subscribers.delete(sub);
    this.subscriberCount--;
    if (group.subscribers.size === 0 && this.groups.get(group.spec.key) === group) this.groups.delete(group.spec.key);
  }

  private schedule(): void {
    if (this.timer || this.running || this.closed) return;
    const wait = Math.max(0, this.lastRunAt + this.minIntervalMs - performance.now());
    this.timer = setTimeout(() => void this.run(), wait);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    if (!this.dirty || this.closed) return;
    this.dirty = false;
    this.running = true;
    const started = (this.lastRunAt = performance.now());
    this.counters.recomputes++;
    try {
      // One clock and one query cache for the round: groups needing the same KPI query share it.
      const nowMs = this.opts.now();
      const shared: Shared = new Map();
      const results = await Promise.allSettled([...this.groups.values()].map((g) => this.refresh(g, nowMs, shared)));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) this.opts.log.warn({ err: failed[0]?.reason, groups: failed.length }, 'live snapshot recompute failed; keeping the last values');
    } finally {
      this.counters.lastRecomputeMs = Math.round(performance.now() - started);
      this.running = false;
      if (this.dirty) this.schedule();
    }
  }

  /** Recomputes one group and, when a value changed, sends the new snapshot to its subscribers. */
  private async refresh(group: Group, nowMs: number, shared: Shared): Promise<void> {
    const seq = ++group.started;
    const results = await Promise.all(group.spec.queries.map((q) => this.query(q, nowMs, shared)));
    if (seq < group.applied) return;
    group.applied = seq;
    const metrics: Record<string, LiveValue> = {};
    group.spec.queries.forEach((q, i) => (metrics[q.metric] = (results[i] as { value: LiveValue }).value));
    const metricsJson = JSON.stringify(metrics);
    if (metricsJson === group.metricsJson) return;
    const window = results[0];
    group.metricsJson = metricsJson;
    group.data = JSON.stringify({
      at: new Date(nowMs).toISOString(),
      from: window ? new Date(window.fromMs).toISOString() : null,
      to: window ? new Date(window.toMs).toISOString() : null,
      metrics,
    });
    for (const sub of group.subscribers) this.deliver(sub);
  }

  private query(q: LiveQuery, nowMs: number, shared: Shared): Promise<{ value: LiveValue; fromMs: number; toMs: number }> {
    let answer = shared.get(q.key);
    if (!answer) {
      answer = this.runQuery(q, nowMs);
      shared.set(q.key, answer);
    }
    return answer;
  }

  private async runQuery(q: LiveQuery, nowMs: number): Promise<{ value: LiveValue; fromMs: number; toMs: number }> {
    this.counters.queries++;
    const parsed = parseMetricQuery(q.metric, q.params, nowMs);
    if (this.inFlight >= this.maxConcurrentQueries) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight++;
    let result: Awaited<ReturnType<typeof runMetric>>;
    try {
      result = await runMetric(this.opts.reader, parsed);
    } finally {
      // Hand the slot straight to the next waiting query, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
    const row = result.rows[0];
    const ratio = parsed.kpi.numerator !== undefined;
    const value: LiveValue = row
      ? { value: row.value, ...(ratio ? { numerator: row.numerator ?? null, denominator: row.denominator ?? null } : {}) }
      : { value: null, ...(ratio ? { numerator: null, denominator: null } : {}) };
    return { value, fromMs: parsed.fromMs, toMs: parsed.toMs };
  }

  private deliver(sub: Subscriber): void {
    const { group } = sub;
    if (!sub.active || group.data === undefined || sub.sentJson === group.metricsJson) return;
    sub.sentJson = group.metricsJson;
    sub.sink.snapshot(group.data);
  }

  private pingAll(): void {
    for (const group of this.groups.values()) {
      for (const sub of group.subscribers) if (sub.active) sub.sink.ping();
    }
  }
}
