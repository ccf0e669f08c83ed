import { describe, expect, it } from 'vitest';
import { loadMigrations, renderMigrationSql, splitStatements } from './migrations.js';

describe('migrations', () => {
  it('are numbered without gaps and load in order', () => {
    const ms = loadMigrations();
    expect(ms.map((m) => m.version)).toEqual(ms.map((_m, i) => i + 1));
    for (const m of ms) expect(m.statements.length).toBeGreaterThan(0);
  });
  it('render single-node DDL with no template left', () => {
    for (const m of loadMigrations()) {
      for (const s of m.statements) {
        expect(s).not.toMatch(/\{(on_cluster|engine:)/);
        expect(s).not.toMatch(/ON CLUSTER|Replicated/);
      }
    }
  });
  it('render cluster DDL from the same files: ON CLUSTER and Replicated engines', () => {
    const ms = loadMigrations({ cluster: 'stockpulse' });
    const creates = ms.flatMap((m) => m.statements).filter((s) => /^CREATE TABLE/.test(s));
    expect(creates.length).toBeGreaterThan(10);
    for (const s of creates) {
      expect(s).toContain('ON CLUSTER stockpulse');
      expect(s).toMatch(/ENGINE = Replicated\w*MergeTree\('\/clickhouse\/tables\/\{shard\}\/\{database\}\/\{table\}', '\{replica\}'/);
    }
    for (const s of ms.flatMap((m) => m.statements).filter((x) => /^CREATE MATERIALIZED VIEW/.test(x))) expect(s).toContain('ON CLUSTER stockpulse');
  });
  it('keeps engine arguments and refuses unsafe cluster names', () => {
    expect(renderMigrationSql('ENGINE = {engine:ReplacingMergeTree(version)}', { cluster: 'c1' })).toBe(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)",
    );
    expect(renderMigrationSql('ENGINE = {engine:ReplacingMergeTree(version)}')).toBe('ENGINE = ReplacingMergeTree(version)');
    expect(() => renderMigrationSql('x', { cluster: 'a; DROP TABLE t' })).toThrow();
  });
  it('splits statements at line-ending semicolons only', () => {
    expect(splitStatements("-- c\nSELECT 'a;b';\nSELECT 2;\n")).toEqual(["SELECT 'a;b'", 'SELECT 2']);
  });
});
