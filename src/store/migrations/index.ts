// The versioned migrations, in order. Add new ones at the end; never edit one that has shipped.
import type { Migration } from 'kysely';
import * as m0001 from './0001-knowledge-base';
import * as m0002 from './0002-incidents';

export const migrations: Record<string, Migration> = {
  '0001-knowledge-base': m0001,
  '0002-incidents': m0002,
};
