import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClickHouseClient } from '@clickhouse/client';

/** Numbered SQL migrations (packages/metrics/migrations), applied in order by one runner. */

export interface SchemaOptions {
  /** With a cluster name, tables are created ON CLUSTER with Replicated* engines. */
  cluster?: string | undefined;
}

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const REPLICATED_PATH = "'/clickhouse/tables/{shard}/{database}/{table}', '{replica}'";

/**
 * The one template switch between a single node and a cluster: `{on_cluster}` and
 * `{engine:ReplacingMergeTree}` (optionally with arguments) in the migration files.
 */
export function renderMigrationSql(sql: string, opts: SchemaOptions = {}): string {
  const cluster = opts.cluster;
  if (cluster !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(cluster)) throw new Error(`invalid cluster name: ${cluster}`);
  return sql
    .replaceAll('{on_cluster}', cluster ? `ON CLUSTER ${cluster}` : '')
    .replace(/\{engine:([A-Za-z]*MergeTree)(?:\(([^)]*)\))?\}/g, (_m, engine: string, args?: string) => {
      if (!cluster) return args ? `${engine}(${args})` : engine;
      return `Replicated${engine}(${REPLICATED_PATH}${args ? `, ${args}` : ''})`;
    });
}

/** Splits a file into statements at `;` that end a line; comments-only chunks are dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

export function loadMigrations(opts: SchemaOptions = {}, dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      statements: splitStatements(renderMigrationSql(readFileSync(`${dir}/${file}`, 'utf8'), opts)),
    }));
}

const LEDGER = 'schema_migrations';

/** Applies every migration not yet recorded. Statements are idempotent, so a crash mid-way is safe to rerun. */
export async function migrate(client: ClickHouseClient, opts: SchemaOptions = {}): Promise<Migration[]> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${LEDGER} ${opts.cluster ? `ON CLUSTER ${opts.cluster}` : ''}
      (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = ${opts.cluster ? `ReplicatedReplacingMergeTree(${REPLICATED_PATH})` : 'ReplacingMergeTree'} ORDER BY version`,
  });
  const done = new Set((await appliedVersions(client)).map((m) => m.version));
  const applied: Migration[] = [];
  for (const m of loadMigrations(opts)) {
    if (done.has(m.version)) continue;
    for (const statement of m.statements) await client.command({ query: statement });
    await client.insert({ table: LEDGER, values: [{ version: m.version, name: m.name }], format: 'JSONEachRow' });
    applied.push(m);
  }
  return applied;
}

export async function appliedVersions(client: ClickHouseClient): Promise<{ version: number; name: string }[]> {
  const rs = await client.query({ query: `SELECT DISTINCT version, name FROM ${LEDGER} ORDER BY version`, format: 'JSONEachRow' });
  return rs.json<{ version: number; name: string }>();
}

/** True when every migration file has been applied (what /readyz checks). */
export async function schemaIsCurrent(client: ClickHouseClient): Promise<boolean> {
  const applied = new Set((await appliedVersions(client)).map((m) => m.version));
  return loadMigrations().every((m) => applied.has(m.version));
}

interface ViewRow {
  name: string;
  target: string;
  select: string;
}

/** The materialized views and the SELECT each one runs on insert into events_raw. */
export async function derivedViews(client: ClickHouseClient): Promise<ViewRow[]> {
  const rs = await client.query({
    query: `SELECT name, as_select AS select, arrayElement(dependencies_table, 1) AS dep, create_table_query AS ddl
            FROM system.tables WHERE database = currentDatabase() AND engine = 'MaterializedView' ORDER BY name`,
    format: 'JSONEachRow',
  });
  const rows = await rs.json<{ name: string; select: string; ddl: string }>();
  return rows.map((r) => {
    const m = /\bTO\s+(?:`?\w+`?\.)?`?(\w+)`?/.exec(r.ddl);
    if (!m?.[1]) throw new Error(`materialized view ${r.name} has no TO table`);
    return { name: r.name, target: m[1], select: r.select };
  });
}

/**
 * Rebuilds every derived table from events_raw with the same SELECT its view runs:
 * the recompute path of the golden tests, and the repair tool after a definition change.
 */
export async function rebuildDerived(client: ClickHouseClient): Promise<void> {
  for (const view of await derivedViews(client)) {
    await client.command({ query: `TRUNCATE TABLE ${view.target}` });
    await client.command({ query: `INSERT INTO ${view.target} ${view.select}` });
  }
}
