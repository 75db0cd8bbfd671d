// A catalog fingerprint of the current schema: everything that makes two installs "the same schema"
// (relations, columns, constraints, indexes, sequences, view definitions, functions, triggers,
// extensions, comments), in a stable order and without OIDs, so two databases compare with toEqual.
// The migrations' bookkeeping table (`nurture_migrations`, its sequence and index) is left out.
import type pg from 'pg';
import { MIGRATIONS_TABLE } from '../../src/infrastructure/database/migrate.js';

export type Fingerprint = Record<string, Record<string, unknown>[]>;

/** Objects that belong to the migrations' bookkeeping table (none on a psql-installed database). */
const EXCLUDED = `
  SELECT c.oid FROM pg_class c WHERE c.oid = to_regclass($1)
  UNION SELECT i.indexrelid FROM pg_index i WHERE i.indrelid = to_regclass($1)
  UNION SELECT d.objid FROM pg_depend d
         WHERE d.refobjid = to_regclass($1) AND d.classid = 'pg_class'::regclass`;

const IN_SCHEMA = `relnamespace = current_schema()::regnamespace`;

const QUERIES: Record<string, string> = {
  relations: `
    SELECT c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
           CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition
      FROM pg_class c
     WHERE c.${IN_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I')
       AND c.oid NOT IN (${EXCLUDED})
     ORDER BY 1`,
  columns: `
    SELECT c.relname AS relation, a.attnum AS position, a.attname AS name,
           format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
           pg_get_expr(d.adbin, d.adrelid) AS "default", a.attidentity::text AS identity,
           a.attgenerated::text AS generated, col_description(c.oid, a.attnum) AS comment
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE c.${IN_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND a.attnum > 0 AND NOT a.attisdropped
       AND c.oid NOT IN (${EXCLUDED})
     ORDER BY 1, 2`,
  constraints: `
    SELECT con.conrelid::regclass::text AS relation, con.conname AS name, con.contype::text AS type,
           pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated
      FROM pg_constraint con
     WHERE con.connamespace = current_schema()::regnamespace
       AND con.conrelid NOT IN (${EXCLUDED})
     ORDER BY 1, 2`,
  indexes: `
    SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition
      FROM pg_class c
     WHERE c.${IN_SCHEMA} AND c.relkind IN ('i', 'I')
       AND c.oid NOT IN (${EXCLUDED})
     ORDER BY 1`,
  sequences: `
    SELECT c.relname AS name, s.seqtypid::regtype::text AS type, s.seqstart::text AS start,
           s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
           s.seqcache::text AS cache, s.seqcycle AS cycle
      FROM pg_sequence s
      JOIN pg_class c ON c.oid = s.seqrelid
     WHERE c.${IN_SCHEMA} AND c.oid NOT IN (${EXCLUDED})
     ORDER BY 1`,
  functions: `
    SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments,
           p.prokind::text AS kind, pg_get_functiondef(p.oid) AS definition
      FROM pg_proc p
     WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind IN ('f', 'p')
     ORDER BY 1, 2`,
  triggers: `
    SELECT t.tgrelid::regclass::text AS relation, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.${IN_SCHEMA} AND NOT t.tgisinternal
     ORDER BY 1, 2`,
  extensions: `
    SELECT e.extname AS name FROM pg_extension e ORDER BY 1`,
  // Every comment on a user object (tables, columns, views, sequences, functions, indexes,
  // constraints, triggers), named the way \dd would name it.
  comments: `
    SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid) AS object, d.description
      FROM pg_description d
     WHERE d.objoid >= 16384
       AND NOT (d.classoid = 'pg_class'::regclass AND d.objoid IN (${EXCLUDED}))
     ORDER BY 1`,
};

export async function catalogFingerprint(pool: pg.Pool): Promise<Fingerprint> {
  const fingerprint: Fingerprint = {};
  for (const [part, sql] of Object.entries(QUERIES)) {
    const usesExcluded = sql.includes('$1');
    const { rows } = await pool.query<Record<string, unknown>>(sql, usesExcluded ? [MIGRATIONS_TABLE] : []);
    fingerprint[part] = rows;
  }
  return fingerprint;
}
