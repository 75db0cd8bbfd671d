import { readFileSync } from 'node:fs';

// `db/` sits at the package root, three levels above both src/infrastructure/database and
// dist/infrastructure/database.
const DB_DIR = new URL('../../../db/', import.meta.url);

export const readDbFile = (name: string): string => readFileSync(new URL(name, DB_DIR), 'utf8');
