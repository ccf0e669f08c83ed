import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';

export interface ClickHouseConfig {
  /** Embedded mode keeps ClickHouse data under `${dataDir}/clickhouse`. */
  dataDir: string;
  /** Server mode when set. */
  url?: string | undefined;
  user?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
}

export interface ClickHouseStore {
  mode: 'embedded' | 'server';
  /** Inserts and DDL. In embedded mode a chDB connection runs one statement at a time. */
  writer: ClickHouseClient;
  /** Reads, on their own connection so that they never queue behind an insert. */
  reader: ClickHouseClient;
  close(): Promise<void>;
}

/**
 * The one factory for ClickHouse clients: chDB in-process (embedded) or a server
 * (`CLICKHOUSE_URL`). The rest of the code sees `@clickhouse/client` either way.
 */
export function createClickHouse(cfg: ClickHouseConfig): ClickHouseStore {
  if (cfg.url) {
    const make = () =>
      createClient({
        url: cfg.url,
        username: cfg.user ?? 'default',
        password: cfg.password ?? '',
        database: cfg.database ?? 'default',
        request_timeout: 60_000,
      });
    const writer = make();
    const reader = make();
    return { mode: 'server', writer, reader, close: async () => void (await Promise.all([writer.close(), reader.close()])) };
  }
  const path = resolve(join(cfg.dataDir, 'clickhouse'));
  mkdirSync(path, { recursive: true });
  const writer = createClient({ connection: chdbConnection(path) });
  const reader = createClient({ connection: chdbConnection(path) });
  return {
    mode: 'embedded',
    writer,
    reader,
    close: async () => {
      await reader.close();
      await writer.close();
    },
  };
}

type Connection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

/** chdb types its connection against its own copy of @clickhouse/client-common; the shapes are identical. */
function chdbConnection(path: string): Connection {
  return createChdbConnection({ path }) as unknown as Connection;
}
