import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Bucket } from './stats.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Request start to the last byte of the answer. */
  ms: number;
}

/** A keep-alive HTTP/1.1 client for one server, with the bench's API key. */
export class HttpClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    private readonly apiKey: string,
    maxSockets = 16,
  ) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send(method: 'GET' | 'POST', path: string, body?: Buffer, contentType = 'application/json', timeoutMs = 120_000): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const headers: Record<string, string | number> = { authorization: `Bearer ${this.apiKey}` };
      if (body) {
        headers['content-type'] = contentType;
        headers['content-length'] = body.length;
      }
      const req = request({ host: this.host, port: this.port, method, path, agent: this.agent, headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }),
        );
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  get(path: string, timeoutMs?: number): Promise<HttpAnswer> {
    return this.send('GET', path, undefined, undefined, timeoutMs);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Prometheus text exposition: `name{labels}` → value (comments and help skipped). */
export type PromSamples = Map<string, number>;

export function parseProm(text: string): PromSamples {
  const out: PromSamples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    out.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return out;
}

export async function scrape(http: HttpClient): Promise<PromSamples> {
  const res = await http.get('/metrics', 10_000);
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  return parseProm(res.text);
}

/** The cumulative buckets of histogram `name` (without labels). */
export function promHistogram(samples: PromSamples, name: string): Bucket[] {
  const out: Bucket[] = [];
  const prefix = `${name}_bucket{le="`;
  for (const [key, value] of samples) {
    if (!key.startsWith(prefix)) continue;
    const le = key.slice(prefix.length, key.indexOf('"', prefix.length));
    out.push({ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count: value });
  }
  return out.sort((a, b) => a.le - b.le);
}

/** Sum of every sample of a counter (all label sets), or of one label set when `labels` is given. */
export function promValue(samples: PromSamples, name: string, labels?: string): number {
  if (labels !== undefined) return samples.get(`${name}{${labels}}`) ?? 0;
  let sum = 0;
  for (const [key, value] of samples) if (key === name || key.startsWith(`${name}{`)) sum += value;
  return sum;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
