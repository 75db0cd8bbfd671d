// The bench's own databases on DATABASE_URL's server (or the local default): one template database,
// `nurture_bench_<pid>`, migrated once, and one copy of it per case (`nurture_bench_<pid>_b1`, …), so
// every case starts from the same empty schema and one case's data never slows another. All are
// dropped at the end (and on Ctrl-C), unless --keep.
import pg from 'pg';
import { openServerDatabase } from '../../dist/infrastructure/database/database.js';
import { runMigrations } from '../../dist/infrastructure/database/migrate.js';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export class BenchDatabases {
  /** `prefix`: another process's template database to make this process's case databases from. */
  constructor({ keep = false, prefix = null } = {}) {
    this.server = new URL(process.env.DATABASE_URL || DEFAULT_SERVER);
    this.prefix = prefix ?? `nurture_bench_${process.pid}`;
    this.created = [];
    this.keep = keep;
  }

  urlOf(name) {
    const url = new URL(this.server);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** A client on the server's own database (the one DATABASE_URL names), for CREATE/DROP DATABASE. */
  async admin(work) {
    const client = new pg.Client({ connectionString: this.server.toString(), application_name: 'nurture-bench-admin' });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** Creates and migrates the template database. */
  async prepareTemplate() {
    await this.admin((c) => c.query(`CREATE DATABASE ${this.prefix}`));
    this.created.push(this.prefix);
    const db = await openServerDatabase({ url: this.urlOf(this.prefix), poolSize: 2, applicationName: 'nurture-bench' });
    try {
      await runMigrations(db);
    } finally {
      await db.close();
    }
  }

  /** The name of a case's database. */
  caseDatabase(caseId) {
    return `${this.prefix}_${caseId.toLowerCase()}`;
  }

  /** A fresh, migrated database for one case: `{ name, url, db, drop() }`. */
  async forCase(caseId, poolSize = 10) {
    const name = this.caseDatabase(caseId);
    await this.admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${this.prefix}`));
    this.created.push(name);
    const url = this.urlOf(name);
    const db = await openServerDatabase({ url, poolSize, applicationName: 'nurture-bench' });
    return {
      name,
      url,
      db,
      drop: async () => {
        await db.close().catch(() => undefined);
        await this.dropOne(name);
      },
    };
  }

  async dropOne(name) {
    if (this.keep) return;
    await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    this.created = this.created.filter((n) => n !== name);
  }

  /** Drops the case databases (also those the case processes made) and the template. */
  async dropAll() {
    if (this.keep) return;
    const cases = await this.admin(async (c) => (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${this.prefix}\\_%`])).rows.map((r) => r.datname)).catch(() => []);
    for (const name of [...cases, ...[...this.created].reverse()]) await this.dropOne(name).catch(() => undefined);
  }

  async serverVersion() {
    return this.admin(async (c) => (await c.query('SELECT version() AS v')).rows[0].v);
  }
}
