// The versioned migrations, in order. Add new ones at the end; never edit one that has shipped.
import type { Migration } from 'kysely';
import * as m0001 from './0001-knowledge-base';
import * as m0002 from './0002-incidents';
import * as m0003 from './0003-exchange';
import * as m0010 from './0010-accounts';
import * as m0011 from './0011-markings';
import * as m0012 from './0012-audit';
import * as m0013 from './0013-session-last-use';
import * as m0014 from './0014-token-last-use';
import * as m0015 from './0015-exchange-refs';
import * as m0016 from './0016-legacy-visibility';
import * as m0020 from './0020-security-hardening';
import * as m0030 from './0030-sanctions';
import * as m0040 from './0040-kb-changes';
import * as m0050 from './0050-incident-order';
import * as m0070 from './0070-incident-search';
import * as m0071 from './0071-marking-lookup';
import * as m0080 from './0080-import-memo';
import * as m0090 from './0090-incident-search-gate';
import * as m0095 from './0095-incident-version';
import * as m0096 from './0096-incident-version-gate';
import * as m0097 from './0097-auth-version';
import * as m0098 from './0098-unread-import-indexes';
import * as m0100 from './0100-incident-search-text';
import * as m0101 from './0101-incident-search-pending';
import * as m0102 from './0102-exchange-record-version';
import * as m0103 from './0103-incident-history-first-body';

export const migrations: Record<string, Migration> = {
  '0001-knowledge-base': m0001,
  '0002-incidents': m0002,
  '0003-exchange': m0003,
  '0010-accounts': m0010,
  '0011-markings': m0011,
  '0012-audit': m0012,
  '0013-session-last-use': m0013,
  '0014-token-last-use': m0014,
  '0015-exchange-refs': m0015,
  '0016-legacy-visibility': m0016,
  '0020-security-hardening': m0020,
  '0030-sanctions': m0030,
  '0040-kb-changes': m0040,
  '0050-incident-order': m0050,
  '0070-incident-search': m0070,
  '0071-marking-lookup': m0071,
  '0080-import-memo': m0080,
  '0090-incident-search-gate': m0090,
  '0095-incident-version': m0095,
  '0096-incident-version-gate': m0096,
  '0097-auth-version': m0097,
  '0098-unread-import-indexes': m0098,
  '0100-incident-search-text': m0100,
  '0101-incident-search-pending': m0101,
  '0102-exchange-record-version': m0102,
  '0103-incident-history-first-body': m0103,
};
