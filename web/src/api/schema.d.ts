// Generated from docs/openapi.json by `npm run openapi`: do not edit. The API contract lives in src/contract.

export type Account = {
  id: string;
  username: string;
  displayName: string | null;
  org: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
};

export type AccountChangeInput = {
  role?: "viewer" | "analyst" | "editor" | "admin";
  org?: string;
  displayName?: string;
  disabled?: boolean;
  password?: string;
};

export type Actor = {
  id: string;
  name: string;
  kind: "eu" | "eu-institution" | "eu-body" | "strategic-partner" | "international-organisation" | "forum" | "member-state";
  parent?: string;
  established?: DateOrYear;
  role?: string;
  domains: string[];
  coverage?: {
    kind: "un-votes" | "un-cybercrime-signatures" | "paris-call-supporters";
    to: string;
    partners: string[];
    note: string;
    sources: Source[];
    later: DatedNote[];
  }[];
  sources: Source[];
};

export type AgreementFact = {
  id: string;
  type: "mla" | "extradition" | "europol-operational" | "europol-strategic" | "eurojust" | "liaison-magistrate" | "framework" | "data-transfer";
  title: string;
  euParty: string;
  status: string;
  /** Whether the status rests only on an unverified entry: shown as such, never counted */
  statusUnverified: boolean;
  year: number;
  /** Whether year is only when a source first reported the status, its start not being given */
  statusReported: boolean;
  /** Given for a pending status (considered, mandated, negotiating, on hold, awaiting ratification, signed) or one only reported, which may have moved since; null for a dated in-force or suspended status */
  statusAsOf: StatusAsOf | null;
  signedYear: number | null;
  inForceYear: number | null;
  statusHistory: TimedValue[];
  summary: string | null;
  sources: Source[];
};

export type AreaOfResponsibility = {
  id: string;
  domain: string;
  threats: ("cyber-crime" | "cyber-espionage" | "cyber-terrorism" | "cyber-warfare" | "hybrid")[];
  euLevel: string[];
  nationalLevel: string[];
  sources: Source[];
};

export type Assessment = {
  id: string;
  name: string;
  asOf: string | null;
  weights: string;
  orientation: string;
  orientationRule: {
    id: string;
    because: string;
    sources: Source[];
    conditions: {
      metric: string;
      test: string;
      threshold: number;
      value: number;
      met: boolean;
    }[];
  };
  orientationExplanation: {
    fact: {
      id: string;
      title: string;
    };
    effect: number;
    sources: Source[];
    rule: string;
    note?: string;
  }[];
  maturity: number;
  purposes: {
    reflexive: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note: string;
      }[];
    };
    relational: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note: string;
      }[];
    };
    structural: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note: string;
      }[];
    };
  };
  dimensions: {
    institutionalDensity: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note?: string;
      }[];
    };
    legalFramework: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note?: string;
      }[];
    };
    alignment: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
      }[];
    };
    cooperation: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note?: string;
      }[];
    };
    trust: {
      title: string;
      score: number;
      explanation: {
        fact: {
          id: string;
          title: string;
        };
        effect: number;
        sources: Source[];
        rule: string;
        note?: string;
      }[];
    };
  };
  metrics: {
    institutionalDensity: number;
    legalFramework: number;
    alignment: number;
    cooperation: number;
    trust: number;
    cooperationResults: number;
    cooperationProcess: number;
    cyberDialogues: number;
    cyberSpecificDialogues: number;
  };
  explanation: {
    fact: {
      id: string;
      title: string;
    };
    effect: number;
    sources: Source[];
    rule: string;
    note?: string;
  }[];
  unverified: {
    fact: {
      id: string;
      title: string;
    };
    sources: Source[];
  }[];
  /** Set when an under-delivering label rests only on the record stopping: one-off deliverables no longer counted because no later report of them is known */
  recordStops: {
    /** The orientation with the lapsed one-off deliverables still counted */
    wouldBe: string;
    /** The latest report among the lapsed deliverables */
    lastReported: string;
    lapsed: {
      kind: "deliverable" | "dialogue";
      fact: {
        id: string;
        title: string;
      };
      lastReported: string;
      sources: Source[];
    }[];
  } | null;
  rank?: number;
};

export type AssessmentHistory = {
  id: string;
  name: string;
  from: number;
  to: number;
  weights: string;
  years: {
    year: number;
    asOf: string;
    maturity: number;
    orientation: string;
    orientationRule: string;
    dimensions: {
      institutionalDensity: number;
      legalFramework: number;
      alignment: number;
      cooperation: number;
      trust: number;
    };
    moved: {
      fact: {
        id: string;
        title: string;
      };
      change: number;
      how: string;
      /** What the sources report of the fact within the year, where that is why it moved: a status it took (suspended, on hold, a dialogue's status unknown for want of reports) or the end of a cooperation item; absent for a fact newly counted */
      because?: string;
      sources: Source[];
    }[];
  }[];
};

/** A dataset's row an attribution stands for, each cell as written (EuRepoC's attribution dataset: attribution_ID, date, type, basis, attributing actor, IT company and country, the initiator's country and category). No rule of the toolbox reads it */
export type AttributionStatement = {
  source: string;
  id?: string;
  date?: string;
  type?: string;
  basis?: string;
  by?: string;
  company?: string;
  country?: string;
  initiatorCountry?: string;
  initiatorCategory?: string;
};

/** A dataset's row an attribution stands for, each cell as written (EuRepoC's attribution dataset: attribution_ID, date, type, basis, attributing actor, IT company and country, the initiator's country and category). No rule of the toolbox reads it */
export type AttributionStatementInput = {
  source: string;
  id?: string;
  date?: string;
  type?: string;
  basis?: string;
  by?: string;
  company?: string;
  country?: string;
  initiatorCountry?: string;
  initiatorCategory?: string;
  [key: string]: unknown;
};

export type AuditEntry = {
  seq: number;
  at: string;
  /** user:<username>, local, operator:<name>, bootstrap or anonymous */
  actor: string;
  actorOrg: string | null;
  /** <record type>.<verb>, e.g. incident.update */
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
  /** Whether before or after was withheld because the reader may not see the record */
  redacted: boolean;
};

export type AuditVerdict = {
  valid: true;
  entries: number;
  head: string;
  keyed: {
    from: number | null;
    checked: boolean;
  };
} | {
  valid: false;
  entries: number;
  seq: number;
  reason: string;
};

export type BatchScreenResult = {
  asOf: string;
  stale: boolean;
  knownUntil: string;
  strong: number;
  results: {
    query: string;
    matches: ScreeningMatch[];
  }[];
};

export type BootstrapInput = {
  username: string;
  password: string;
  org: string;
  displayName?: string;
};

export type BudapestEntryIntoForce = {
  date: string;
  /** The deposit of the instrument; null when the sources give the entry into force only */
  deposit: string | null;
  /** True when derived from the deposit (first day of the month following three months after it), false when a source states it */
  derived: boolean;
  /** The Convention's article whose rule applies (a signatory's ratification, an accession); the numbers are unverified */
  article: "Art. 36(4)" | "Art. 37(2)";
  unverified: boolean;
  sources: Source[];
};

export type BudapestPosition = {
  value: "ratified" | "signed" | "not-signed";
  from: DateOrYear;
  until?: DateOrYear;
  sources: Source[];
  note?: string;
  unverified?: boolean;
  reported?: boolean;
  datedNotes?: DatedNote[];
  stance?: "opposed" | "uses-as-model" | "invited-to-accede" | "supportive" | "not-intending-to-ratify";
  inForce?: {
    date: string;
    depositNotRecorded?: boolean;
    note?: string;
    unverified?: boolean;
    sources: Source[];
  };
  disagreements?: {
    claim: string;
    sources: Source[];
  }[];
  history: {
    value: "ratified" | "signed" | "not-signed";
    from: DateOrYear;
    until?: DateOrYear;
    sources: Source[];
    note?: string;
    unverified?: boolean;
    reported?: boolean;
    datedNotes?: DatedNote[];
    stance?: "opposed" | "uses-as-model" | "invited-to-accede" | "supportive" | "not-intending-to-ratify";
    inForce?: {
      date: string;
      depositNotRecorded?: boolean;
      note?: string;
      unverified?: boolean;
      sources: Source[];
    };
    disagreements?: {
      claim: string;
      sources: Source[];
    }[];
  }[];
  /** A ratification's entry into force for the partner: the Convention binds it from that day, not from the deposit; named also when it comes after the view's date (null when not ratified, or the deposit is dated only to a month or a year) */
  entryIntoForce: BudapestEntryIntoForce | null;
  /** Whether the Convention is in force for the partner on the date (null when not ratified or no date) */
  inForceOnDate: boolean | null;
};

/** What began, changed or ended for a partner since a date, and the curated changes published since then */
export type ChangesSince = {
  partner: string;
  since: string;
  facts: {
    date: string;
    precision: "day" | "month" | "year";
    change: "added" | "changed" | "ended";
    kind: string;
    title: string;
    detail: string | null;
    fact: string;
    sources: Source[];
    unverified: boolean;
  }[];
  /** Curated changes published since the date */
  changes: KbChange[];
};

export type CompareResult = {
  asOf: string | null;
  partners: {
    id: string;
    name: string;
    orientation: string;
    maturity: number;
  }[];
  rows: {
    key: string;
    title: string;
    values: {
      [key: string]: {
        value: string | number;
        top: {
          fact: {
            id: string;
            title: string;
          };
          effect: number;
          sources: Source[];
          rule: string;
          note?: string;
        }[];
      };
    };
  }[];
  assessments: Assessment[];
};

export type Cooperation = {
  id: string;
  kind: "joint-exercise" | "joint-research-funding" | "operational-cooperation" | "confidence-building" | "capacity-building" | "information-exchange" | "awareness-raising" | "multilateral-coordination";
  title: string;
  from: DateOrYear;
  reported?: boolean;
  until?: DateOrYear;
  summary?: string;
  datedNotes?: DatedNote[];
  sources: Source[];
};

export type CreatedToken = {
  id: string;
  username: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When the token was last used, to the minute; null until its first use */
  lastUsedAt: string | null;
  scope: "read" | "read-write";
  /** The token that created this one, if a token did */
  parentId: string | null;
  /** The secret, shown once */
  token: string;
};

/** A dataset's own codings of an incident (EuRepoC's indicators and scores): the dataset, release and row they come from, and each cell by column as written. No rule of the toolbox reads them */
export type DatasetCoding = {
  source: string;
  cells: {
    [key: string]: string;
  };
};

/** A dataset's own codings of an incident (EuRepoC's indicators and scores): the dataset, release and row they come from, and each cell by column as written. No rule of the toolbox reads them */
export type DatasetCodingInput = {
  source: string;
  cells: {
    [key: string]: string;
  };
  [key: string]: unknown;
};

export type DatedNote = {
  date: DateOrYear;
  text: string;
  unverified?: boolean;
  sources: Source[];
};

/** A year (2014), a month where the sources name no day (2014-05) or a calendar date (2014-03-26) */
export type DateOrYear = number | string;

export type DialogueFact = {
  id: string;
  name: string;
  partners: string[];
  thirdParties: string[];
  level: "summit" | "ministerial" | "senior-officials" | "working" | "parliamentary";
  frequency: "several-per-year" | "twice-a-year" | "annual" | "irregular" | "unknown";
  /** The dialogue's topics and those its meetings took up by the date */
  topics: string[];
  /** The multilateral processes and fora its meetings took up by the date */
  fora: string[];
  cyberSpecific: boolean;
  established: DateOrYear | null;
  firstReported: DateOrYear;
  lastReported: DateOrYear | null;
  status: string;
  /** Whether the status rests only on an unverified entry: shown as such, never counted */
  statusUnverified: boolean;
  statusSince: DateOrYear;
  statusHistory: TimedValue[];
  meetings: DialogueMeeting[];
  keyDialogue: boolean;
  summary: string | null;
  sources: Source[];
};

export type DialogueMeeting = {
  date: DateOrYear;
  title: string;
  topics: ("cyber-security" | "cyber-crime" | "cyber-defence" | "internet-governance" | "information-society-ict" | "telecommunications" | "justice-home-affairs" | "law-enforcement" | "critical-infrastructure" | "counter-terrorism" | "foreign-policy" | "capacity-building" | "research-innovation")[];
  fora: ("un-gge" | "un-oewg" | "un-programme-of-action" | "un-cybercrime-convention" | "budapest-convention" | "g7" | "g20" | "osce" | "asean-regional-forum" | "london-process" | "freedom-online-coalition" | "paris-call" | "igf")[];
  summary?: string;
  unverified?: boolean;
  sources: Source[];
};

export type DocumentFact = {
  id: string;
  title: string;
  type: "joint-statement" | "joint-declaration" | "action-plan" | "joint-action-plan" | "joint-executive-plan" | "framework-agreement" | "strategic-partnership-agreement" | "partnership-agenda" | "strategic-agenda" | "road-map" | "transatlantic-agenda" | "summit-declaration" | "other";
  year: number;
  covers: ("cyber-security" | "cyber-crime" | "cyber-defence" | "internet-governance" | "information-society-ict" | "telecommunications" | "justice-home-affairs" | "law-enforcement" | "critical-infrastructure" | "counter-terrorism" | "foreign-policy" | "capacity-building" | "research-innovation")[];
  cyberMention: "none" | "brief" | "substantial";
  keyDocument: boolean;
  datedNotes?: DatedNote[];
  sources: Source[];
  date: DateOrYear | null;
  url: string | null;
  summary: string | null;
};

/** Every error answer: a stable code, a message naming the problem and the allowed values, and field issues */
export type ErrorBody = {
  error: {
    /** A stable code from the error catalogue */
    code: "invalid_input" | "invalid_date" | "invalid_filter" | "invalid_weights" | "invalid_incident" | "invalid_vote" | "invalid_import" | "invalid_marking" | "invalid_change" | "unauthenticated" | "invalid_credentials" | "session_ended" | "forbidden" | "csrf_mismatch" | "cross_origin" | "own_change" | "unknown_partner" | "unknown_incident" | "unknown_actor" | "unknown_account" | "unknown_token" | "not_found" | "unknown_change" | "unknown_record" | "method_not_allowed" | "request_timeout" | "conflict" | "stale_change" | "unknown_host" | "payload_too_large" | "headers_too_large" | "too_many_attempts" | "overloaded" | "not_ready" | "corrupt_data" | "internal";
    message: string;
    issues?: ErrorIssue[];
  };
};

export type ErrorIssue = {
  path: string;
  message: string;
};

export type Gaps = {
  id: string;
  name: string;
  asOf: string | null;
  gaps: {
    rule: {
      id: string;
      title: string;
      sources: Source[];
    };
    objective: {
      strategy: {
        id: string;
        title: string;
        adopted: string;
        until: unknown;
      };
      id: string;
      title: string;
      sources: Source[];
    };
    lacking: string;
    requirement: string;
    metBy: {
      id: string;
      title: string;
      sources: Source[];
    }[];
  }[];
  met: {
    rule: {
      id: string;
      title: string;
      sources: Source[];
    };
    objective: {
      strategy: {
        id: string;
        title: string;
        adopted: string;
        until: unknown;
      };
      id: string;
      title: string;
      sources: Source[];
    };
    lacking: string;
    requirement: string;
    metBy: {
      id: string;
      title: string;
      sources: Source[];
    }[];
  }[];
};

export type Health = {
  status: "ok";
  dataset: string | null;
};

export type HistoryEntry = {
  version: number;
  action: string;
  at: string;
  tlp: string;
  /** null for a creation, or where the reader may not see the version */
  before: Incident | null;
  after: Incident | null;
  redacted: boolean;
};

export type ImportReport = {
  format: string;
  files: string[];
  dryRun: boolean;
  /** True when nothing was written because of an error */
  rejected: boolean;
  read: number;
  /** Objects of each type (STIX) or rows (CSV) read */
  types: {
    [key: string]: number;
  };
  mapped: {
    [key: string]: number;
  };
  written: {
    [key: string]: {
      created: number;
      updated: number;
      unchanged: number;
      stale: number;
    };
  };
  /** How source values became product values: field: from -> to, with counts */
  mappings: {
    [key: string]: {
      [key: string]: number;
    };
  };
  problems: {
    severity: "error" | "warning" | "skipped";
    object: string;
    path: string;
    message: string;
  }[];
  /** Every row or incident object accounted for (absent in reports of older versions) */
  rows?: {
    asIs: number;
    inferred: number;
    inferredFields: {
      [key: string]: number;
    };
    unknownVictim: number;
    skipped: number;
  };
  review?: {
    object: string;
    path: string;
    value: string;
    message: string;
  }[];
};

/** An incident: what happened, to whom, its effects, who did it and who said so, and what was done */
export type Incident = {
  title: string;
  summary?: string;
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD */
  detected?: string;
  /** YYYY-MM-DD */
  disclosed?: string;
  /** YYYY-MM-DD */
  end?: string;
  ongoing: boolean;
  category: string;
  victims: Victim[];
  effects: {
    /** A level of the reviewed severity scale */
    severity: string;
    disruptsEssentialServices: boolean;
    physicalDamage: boolean;
    lossOfLife: boolean;
    threatensStateSurvival: boolean;
    armedAttack: boolean;
    attempted: boolean;
    personsAffected?: number;
    economicLoss?: number;
    economicBenefit: boolean;
    dataStolen: boolean;
    commerciallySensitiveData: boolean;
  };
  initiator: {
    type: "state" | "state-sponsored" | "non-state" | "unknown";
    country: string | null;
    name?: string;
    identifiedPersons: string[];
    identifiedEntities: string[];
  };
  /** States whose infrastructure the attack was carried out through (ISO 3166-1 alpha-2 codes, not EU or ZZ, at most 20); one outside the Union makes the attack an external threat (Decision (CFSP) 2019/797, Art. 1(2)(b)) and can be asked for due diligence */
  transit?: string[];
  attribution: {
    kind: "technical" | "political" | "legal";
    by: string;
    byType?: "member-state" | "eu" | "third-state" | "international-organisation" | "private" | "other";
    /** YYYY-MM-DD */
    date?: string;
    confidence: "low" | "medium" | "high";
    public: boolean;
    statement?: AttributionStatement;
  }[];
  responses: {
    measure: string;
    /** YYYY-MM-DD */
    date: string;
    by: string;
    note?: string;
  }[];
  context: {
    euDelegationInInitiatorCountry: boolean;
    delegationHeadRecalled: boolean;
    victimCapacitiesOverwhelmed: boolean;
    assistanceRequested: boolean;
    otherMeansExhausted: boolean;
    urgent: boolean;
    agreementOfAllCannotBeSought: boolean;
    victimIsNatoMember?: boolean;
    euPositionAdopted: boolean;
    defenceImplications: boolean;
    cfspObjectiveIdentified: boolean;
    mutualAssistanceInvoked: boolean;
    /** An EU delegation is in a transit state outside the Union and can deliver a démarche there; omitted: no */
    euDelegationInTransitCountry?: boolean;
  };
  sources?: Source[];
  codings?: DatasetCoding[];
};

/** An incident: what happened, to whom, its effects, who did it and who said so, and what was done */
export type IncidentInput = {
  title: string;
  summary?: string;
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD */
  detected?: string;
  /** YYYY-MM-DD */
  disclosed?: string;
  /** YYYY-MM-DD */
  end?: string;
  ongoing?: boolean;
  category: string;
  victims: VictimInput[];
  effects: {
    /** A level of the reviewed severity scale */
    severity: string;
    disruptsEssentialServices?: boolean;
    physicalDamage?: boolean;
    lossOfLife?: boolean;
    threatensStateSurvival?: boolean;
    armedAttack?: boolean;
    attempted?: boolean;
    personsAffected?: number;
    economicLoss?: number;
    economicBenefit?: boolean;
    dataStolen?: boolean;
    commerciallySensitiveData?: boolean;
    [key: string]: unknown;
  };
  initiator?: {
    type?: "state" | "state-sponsored" | "non-state" | "unknown";
    country?: string | null;
    name?: string;
    identifiedPersons?: string[];
    identifiedEntities?: string[];
    [key: string]: unknown;
  };
  /** States whose infrastructure the attack was carried out through (ISO 3166-1 alpha-2 codes, not EU or ZZ, at most 20); one outside the Union makes the attack an external threat (Decision (CFSP) 2019/797, Art. 1(2)(b)) and can be asked for due diligence */
  transit?: string[];
  attribution?: {
    kind: "technical" | "political" | "legal";
    by: string;
    byType?: "member-state" | "eu" | "third-state" | "international-organisation" | "private" | "other";
    /** YYYY-MM-DD */
    date?: string;
    confidence: "low" | "medium" | "high";
    public?: boolean;
    statement?: AttributionStatementInput;
    [key: string]: unknown;
  }[];
  responses?: {
    measure: string;
    /** YYYY-MM-DD */
    date: string;
    by: string;
    note?: string;
    [key: string]: unknown;
  }[];
  context?: {
    euDelegationInInitiatorCountry?: boolean;
    delegationHeadRecalled?: boolean;
    victimCapacitiesOverwhelmed?: boolean;
    assistanceRequested?: boolean;
    otherMeansExhausted?: boolean;
    urgent?: boolean;
    agreementOfAllCannotBeSought?: boolean;
    victimIsNatoMember?: boolean;
    euPositionAdopted?: boolean;
    defenceImplications?: boolean;
    cfspObjectiveIdentified?: boolean;
    mutualAssistanceInvoked?: boolean;
    /** An EU delegation is in a transit state outside the Union and can deliver a démarche there; omitted: no */
    euDelegationInTransitCountry?: boolean;
    [key: string]: unknown;
  };
  sources?: SourceInput[];
  codings?: DatasetCodingInput[];
  [key: string]: unknown;
};

export type IncidentPage = {
  total: number;
  items: StoredIncident[];
};

export type IncidentPlan = {
  measures: PlanMeasure[];
  ladder: string[];
  bodies: {
    area: string;
    domain: string;
    euLevel: string[];
    nationalLevel: string[];
    why: string;
    sources: Source[];
  }[];
  asOf: string;
  observatory: Relations | null;
  /** The incident's attributions and responses dated after the plan's date, which the plan does not count */
  notCounted: string[];
  sanctions: PlanSanctions;
  precedents: Precedent[];
  incidentId: string;
};

export type IncidentWriteInput = IncidentInput & MarkingInput;

export type InstrumentMatrix = {
  asOf: string | null;
  columns: string[];
  rows: {
    id: string;
    name: string;
    cells: {
      [key: string]: MatrixCell;
    };
  }[];
};

/** A change to the knowledge base with its review */
export type KbChange = {
  id: string;
  partner: string;
  kind: "document" | "dialogue" | "meeting" | "agreement" | "position" | "cooperation" | "perception" | "membership" | "partner" | "national-strategy";
  action: "add" | "update" | "retire";
  /** The key of the record changed */
  target: string;
  /** The record after the change (null for retire) */
  record: unknown;
  /** The record as it read when the change was proposed or last revised (null for add) */
  before: unknown;
  comment: string | null;
  commentTlp: string | null;
  /** The comment is marked beyond what the caller may see */
  commentWithheld: boolean;
  status: "pending" | "published" | "rejected";
  /** The target was edited since: approval is refused until the proposer revises the change */
  needsReview: boolean;
  proposedBy: string;
  proposedByOrg: string | null;
  proposedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  publishedSeq: number | null;
};

export type KbChangeApproval = {
  reason?: string;
};

/** A proposed change: the record holds the fields of the reviewed data files and at least one source */
export type KbChangeProposal = {
  partner: string;
  kind: "document" | "dialogue" | "meeting" | "agreement" | "position" | "cooperation" | "perception" | "membership" | "partner" | "national-strategy";
  action: "add" | "update" | "retire";
  record?: unknown;
  target?: string;
  comment?: string;
  commentTlp?: "clear" | "green" | "amber" | "amber+strict";
};

export type KbChangeRejection = {
  reason: string;
};

export type KbChangeRevision = {
  record?: unknown;
  comment?: string;
};

export type KbRecord = {
  partner: string;
  kind: "document" | "dialogue" | "meeting" | "agreement" | "position" | "cooperation" | "perception" | "membership" | "partner" | "national-strategy";
  target: string;
  record: {
    [key: string]: unknown;
  };
};

/** Marking fields that may sit beside an incident's fields: tlp, owner (organisation), sharedWith (organisations), recipients (usernames, RED) */
export type MarkingInput = {
  tlp?: string;
  owner?: string;
  sharedWith?: string[];
  recipients?: string[];
};

export type MatrixCell = {
  value: string | null;
  sources: Source[];
  /** Set when the instrument did not yet exist on the as-of date ("not yet"): the date it began; the sources date it */
  notYet?: string;
};

export type Me = {
  authMode: "off" | "on";
  defaultTlp: TlpLevel;
  principal: Principal;
  /** What the caller may do (see the permissions of each role) */
  permissions: ("incident.read" | "incident.create" | "incident.update.own-org" | "incident.update.any" | "incident.delete" | "import.run" | "token.own" | "account.manage" | "audit.read" | "kb.propose" | "kb.review")[];
  csrfToken: string | null;
  session: SessionState;
};

export type Measure = {
  id: string;
  category: "preventive" | "cooperative" | "stabilising" | "restrictive" | "member-state-support" | "criminal-justice";
  title: string;
  summary: string;
  legalBasis: {
    act: string;
    provision?: string;
    note?: string;
    from?: string;
    until?: string;
    unverified: boolean;
  }[];
  proposedBy: ("european-council" | "council" | "high-representative" | "eeas" | "eu-delegation" | "commission" | "member-state")[];
  decidedBy: "european-council" | "council" | "high-representative" | "eeas" | "eu-delegation" | "commission" | "member-state";
  rule: "unanimity" | "qmv" | "rqmv" | "none" | "national";
  procedure: string;
  coercion: number;
  preconditions: string[];
  attribution: {
    need: string;
    effect: "opens" | "names-state";
    namesStateWhen?: string;
    note?: string;
  };
  effect: string;
  sources: Source[];
  unverified: boolean;
  note?: string;
};

export type Membership = {
  id: "global-alliance-csao" | "g8-24-7-network" | "council-of-europe" | "nato" | "g7" | "g8" | "g20" | "osce" | "asean-regional-forum" | "oecd" | "london-process" | "freedom-online-coalition" | "un-gge" | "paris-call" | "un-cybercrime-convention";
  status?: "member" | "not-member";
  from: DateOrYear;
  reported?: boolean;
  until?: DateOrYear;
  session?: string;
  role?: string;
  note?: string;
  datedNotes?: DatedNote[];
  unverified?: boolean;
  sources: Source[];
};

export type MemberStates = {
  year: number;
  /** Set when the data holds no population figures for the year yet: the shares are the latest year's */
  figuresYear?: number;
  sources: Source[];
  unverified: boolean;
  states: {
    code: string;
    councilCode: string;
    name: string;
    memberSince: string;
    memberUntil?: string;
    natoSince: string | null;
    natoDateUnverified?: boolean;
    share: number | null;
    population: number | null;
    unverified?: boolean;
  }[];
};

export type NationalStrategies = {
  /** A partner id, or EU */
  partner: string;
  /** Whether a strategy had been adopted by the date; shown, not scored (the papers use strategies only as context) */
  hadStrategy: boolean;
  first: NationalStrategyFact | null;
  /** Adopted by the date, oldest first */
  strategies: NationalStrategyFact[];
  /** A dataset's count of the partner's strategies over a period, once the period has ended by the date */
  counted: StrategyCount | null;
  /** The counted strategies no source held here dates (date unknown); null when every counted one is dated */
  undated: {
    /** How many of the counted strategies no source held here dates */
    count: number;
    /** What is known of them; their date is unknown */
    note: string;
    unverified: boolean;
  } | null;
  datedNotes: DatedNote[];
};

export type NationalStrategyFact = {
  id: string;
  title: string;
  adopted: DateOrYear;
  /** How precisely the sources date it: a year is shown as a year, never as 1 January */
  precision: "day" | "month" | "year";
  /** The date as the source writes it (YYYYMMDD) where adopted reads it as a year or month only: an inference, shown as one */
  dateAsGiven: string | null;
  /** Whether it is the partner's first strategy the sources give */
  first: boolean;
  unverified: boolean;
  note: string | null;
  /** For the EU's entries, its strategy in GET /api/strategies */
  frameworkStrategy: string | null;
  sources: Source[];
};

export type NewAccountInput = {
  username: string;
  password: string;
  role: "viewer" | "analyst" | "editor" | "admin";
  org: string;
  displayName?: string;
};

export type NewToken = {
  name: string;
  expiresInDays?: number;
  scope?: "read" | "read-write";
  username?: string;
};

export type PartnerProfile = {
  id: string;
  name: string;
  asOf: string | null;
  group: "strategic-partner" | "cyber-dialogue-partner";
  partnershipSince: number | null;
  cyberDialogueSince: DateOrYear | null;
  documents: DocumentFact[];
  dialogues: DialogueFact[];
  agreements: AgreementFact[];
  positions: {
    budapestConvention: BudapestPosition | null;
    internetGovernance: PositionView | null;
    wcit2012: PositionView | null;
    unCybercrimeConvention: UnCybercrimeConventionPosition | null;
  };
  unVotes: UnVote[];
  /** Where the record of the votes stops; null when the data state no coverage or the view's date is not after the record's last day */
  unVoteCoverage: RecordCoverageView | null;
  /** Where the record of the UN Convention against Cybercrime's signatures stops (the list of signatories read); null when the view's date is not after it */
  unCybercrimeCoverage: RecordCoverageView | null;
  /** Where the record of the Paris Call's state supporters stops (the list of supporters read); null when the view's date is not after it */
  parisCallCoverage: RecordCoverageView | null;
  memberships: string[];
  membershipDetails: Membership[];
  cooperation: Cooperation[];
  perception: PositionView | null;
  tensions: Tension[];
  attention: {
    level: "summit" | "ministerial";
    note: string;
    year: number;
    sources: Source[];
  }[];
  nationalStrategies: NationalStrategies | null;
};

export type PartnerSummary = {
  id: string;
  name: string;
  group: "strategic-partner" | "cyber-dialogue-partner";
  partnershipSince: number | null;
  cyberDialogueSince: DateOrYear | null;
  isoNumeric: string;
};

export type PasswordChangeInput = {
  currentPassword: string;
  newPassword: string;
};

export type PlanMeasure = {
  id: string;
  title: string;
  category: string;
  available: boolean;
  coercion: number;
  reasons: PlanReason[];
  decision: {
    by: string;
    rule: string;
    proposedBy: string[];
    ruleChange?: {
      from: string;
      to: string;
      rule: string;
      text: string;
      sources?: Source[];
    };
  };
  procedure: string;
  effect: string;
  legalBasis: string[];
  sources: Source[];
  unverified: boolean;
  taken: {
    date: string;
    by: string;
    note?: string;
  }[];
  attribution: {
    need: string;
    label: string;
    effect: string;
    met: boolean;
    restsOn: string[];
    missing: string | null;
  };
};

export type PlanReason = {
  rule: string;
  kind: string;
  holds: boolean;
  text: string;
  sources: Source[];
};

export type PlanSanctions = {
  asOf: string;
  regime: {
    state: RegimeState;
    until: string | null;
  };
  listings: {
    state: RegimeState;
    until: string | null;
  };
  acts: string[];
  alreadyListed: {
    name: string;
    id: string;
    kind: string;
    listedName: string;
    since: string;
    acts: string[];
    incidents: string[];
    sources: Source[];
    score: number;
    strong: boolean;
    matchedOn: string;
    summary: string;
  }[];
  stale: boolean;
  notes: string[];
};

export type PositionView = {
  value: string;
  from: DateOrYear;
  until?: DateOrYear;
  sources: Source[];
  note?: string;
  unverified?: boolean;
  reported?: boolean;
  datedNotes?: DatedNote[];
  history: TimedValue[];
};

export type Precedent = {
  id: string;
  origin: "reviewed" | "registry";
  title: string;
  start: string;
  score: number;
  points: number;
  why: string[];
  attribution: {
    kind: string;
    by: string;
    byType: string;
    date?: string;
  }[];
  responses: {
    date: string;
    by: string;
    byType: string;
    measure?: string;
    what: string;
    act?: string;
  }[];
  daysToAttribution: number | null;
  daysToResponse: number | null;
  sources: Source[];
  unverified: boolean;
};

/** Who is asking: a user (by session or token), the local operator (sign-in off) or nobody */
export type Principal = {
  kind: "user";
  username: string;
  role: Role;
  org: string;
  via: "session" | "token";
} | {
  kind: "local";
  org: string | null;
} | {
  kind: "operator";
  org: string | null;
} | {
  kind: "anonymous";
};

export type Ready = {
  status: "ready";
};

/** Where the record of a kind of fact stops for a partner, and what is known after it */
export type RecordCoverageView = {
  kind: "un-votes" | "un-cybercrime-signatures" | "paris-call-supporters";
  /** The last day the source read covers (YYYY-MM-DD): no fact of this kind after it is in the data, so later ones may exist that the data do not hold */
  to: string;
  /** Whether this partner's facts of this kind were read from the source at all */
  partnerCovered: boolean;
  note: string;
  sources: Source[];
  /** What the sources say happened after that day (totals, a resolution adopted without a vote), as known at the date */
  later: DatedNote[];
};

export type RecordMarking = {
  tlp: TlpLevel;
  owner: string | null;
  sharedWith: string[];
  recipients: string[];
};

/** in-force or lapsed by the recorded renewals; unconfirmed past the data's last check; not-adopted before the regime */
export type RegimeState = "not-adopted" | "in-force" | "lapsed" | "unconfirmed";

/** What this server's start did to the incident registry's copies of the reviewed precedents */
export type RegistrySeed = {
  /** Whether this server seeded the registry at its start (false for a store opened without seeding) */
  seeded: boolean;
  /** When it did */
  at: string | null;
  /** Incidents the start recorded from the reviewed precedents */
  inserted: string[];
  /** Seeded copies only the seeder had written, brought to the reviewed data */
  updated: string[];
  /** Copies already as reviewed: nothing written */
  current: string[];
  /** Copies that differ from the reviewed data, kept as they are (analysts' edits and deletions stand) */
  kept: {
    id: string;
    precedent: string;
    /** edited: someone other than the seeder wrote it since it was seeded; deleted: it was deleted */
    reason: "edited" | "deleted";
    /** Its last write */
    last: {
      version: number;
      action: string;
      at: string;
    };
    /** The incident's fields whose stored value is not the reviewed one (none for a deleted copy) */
    fields: string[];
    /** The line the server logged on it */
    text: string;
  }[];
};

/** The observatory's relations with the initiator's state that a plan reads */
export type Relations = {
  state: string;
  covered: boolean;
  name: string | null;
  asOf: string;
  cyberDialogues: {
    id: string;
    name: string;
    level: string;
    cyberSpecific: boolean;
    status: string;
    topics: string[];
    sources: Source[];
  }[];
  inactiveCyberDialogues: {
    id: string;
    name: string;
    level: string;
    cyberSpecific: boolean;
    status: string;
    topics: string[];
    sources: Source[];
  }[];
  criminalJusticeAgreements: {
    id: string;
    type: string;
    title: string;
    status: string;
    usable: boolean;
    sources: Source[];
  }[];
  budapestConvention: {
    status: string;
    stance: string | null;
    inForce: BudapestEntryIntoForce | null;
    /** Whether the Convention is in force for the state on the date */
    bound: boolean;
    sources: Source[];
  } | null;
  /** What only unverified entries give on the date, where no verified entry gives a status: relied on by nothing */
  budapestUnverified: {
    status: string;
    inForce: BudapestEntryIntoForce | null;
    sources: Source[];
  } | null;
};

export type Report = {
  id: string;
  name: string;
  published: string;
  description: string | null;
  types: string[];
  externalReferences: {
    source: string;
    url?: string;
    externalId?: string;
    description?: string;
  }[];
  tlp: TlpLevel;
  source: string | null;
};

export type ResponsePlan = {
  measures: PlanMeasure[];
  ladder: string[];
  bodies: {
    area: string;
    domain: string;
    euLevel: string[];
    nationalLevel: string[];
    why: string;
    sources: Source[];
  }[];
  asOf: string;
  observatory: Relations | null;
  /** The incident's attributions and responses dated after the plan's date, which the plan does not count */
  notCounted: string[];
  sanctions: PlanSanctions;
  precedents: Precedent[];
};

export type Role = "viewer" | "analyst" | "editor" | "admin";

export type SanctionsTarget = {
  id: string;
  kind: "person" | "entity";
  name: string;
  aliases: string[];
  monikers: string[];
  groups: {
    name: string;
    aliases: string[];
    relation: string;
  }[];
  otherNames: string[];
  group?: string;
  state?: string;
  nationality: string[];
  annexEntry: string;
  since: string;
  delistedOn: string | null;
  amendedOn: string[];
  acts: string[];
  celex: string[];
  reasons: {
    text: string;
    quotation: boolean;
    citation: string;
    url: string;
  };
  summary: string | null;
  incidents: string[];
  operations: {
    id: string;
    name: string;
    match: string[];
    /** A broad term links an incident only with one of these also in its title */
    with?: string[];
    /** Names of another operation of the same group: a title holding one of them does not link to this operation */
    without?: string[];
    /** When the operation took place: the annex entry whose reasons date it, or unverified with a note; an incident links when dated within it (or up to a year before) */
    period?: {
      from: string;
      to?: string;
      annex?: string;
      unverified?: boolean;
      note?: string;
    };
  }[];
  /** Identifying details as the annex gives them (birth date, address, registration number...) */
  details: {
    [key: string]: string[];
  };
  sources: Source[];
  unverified: boolean;
  note?: string;
  links: {
    incidents: {
      id: string;
      title: string;
      via: string;
    }[];
    actors: {
      id: string;
      name: string;
      via: string;
    }[];
  };
};

export type SanctionsView = {
  asOf: string;
  regime: {
    state: RegimeState;
    until: string | null;
    decidedBy: {
      decided: string | number;
      regimeUntil?: string;
      listingsUntil?: string;
      listingsReviewedEvery?: string;
      sources: Source[];
      unverified: boolean;
      note?: string;
    } | null;
  };
  listings: {
    state: RegimeState;
    until: string | null;
    decidedBy: {
      decided: string | number;
      regimeUntil?: string;
      listingsUntil?: string;
      listingsReviewedEvery?: string;
      sources: Source[];
      unverified: boolean;
      note?: string;
    } | null;
  };
  targets: SanctionsTarget[];
  delisted: SanctionsTarget[];
  counts: {
    persons: number;
    entities: number;
  };
  knownUntil: string;
  stale: boolean;
  notes: string[];
  framework: {
    title: string;
    decision: {
      act: string;
      adopted: string;
      legalBasis: string;
      sources: Source[];
    };
    regulation: {
      act: string;
      adopted: string;
      legalBasis: string;
      sources: Source[];
    };
    measures: {
      persons: string[];
      entities: string[];
      also: string;
      sources: Source[];
    };
  };
  renewals: {
    decided: string | number;
    regimeUntil?: string;
    listingsUntil?: string;
    listingsReviewedEvery?: string;
    sources: Source[];
    unverified: boolean;
    note?: string;
  }[];
  listingActs: {
    date: string;
    acts: {
      title: string;
      celex: string;
    }[];
    sources: Source[];
    unverified: boolean;
    note?: string;
  }[];
  courts: {
    annulments: {
      case: string;
      date: string;
      target: string;
    }[];
    note: string;
  };
  timeline: {
    persons: number;
    entities: number;
    date: string;
  }[];
  statedTotals: {
    date: string;
    stated: {
      persons: number;
      entities: number;
    };
    computed: {
      persons: number;
      entities: number;
    };
    source: Source;
  }[];
  /** The screening thresholds in force */
  screening: {
    [key: string]: number;
  };
};

/** JSON: { names, asOf } or a list of names; a CSV file may be sent as text/plain instead (one name a row) */
export type ScreenBatchInput = {
  names: string[];
  asOf?: string;
  [key: string]: unknown;
} | string[];

export type ScreeningMatch = {
  targetId: string;
  name: string;
  kind: string;
  score: number;
  strong: boolean;
  matchedOn: string;
  matchedAs: string;
  listedSince: string;
  inForce: boolean;
};

export type ScreenResult = {
  query: string;
  asOf: string;
  stale: boolean;
  knownUntil: string;
  matches: ScreeningMatch[];
};

export type SearchHit = {
  /** <kind>:<id>, stable across re-seeding */
  id: string;
  kind: string;
  partner: string | null;
  from: string | null;
  title: string;
  text: string;
  sources: Source[];
  snippet: string;
};

/** What became of the session cookie the request carried */
export type SessionState = "none" | "active" | "ended";

export type ShownIncident = {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  marking: RecordMarking;
  incident: Incident;
  sightings?: Sighting[];
  reports?: Report[];
};

export type Sighting = {
  id: string;
  of: {
    kind: "incident" | "actor";
    id: string;
  };
  firstSeen: string | null;
  lastSeen: string | null;
  count: number | null;
  where: string[];
  description: string | null;
  summary: boolean;
  tlp: TlpLevel;
  source: string | null;
};

export type SignedIn = {
  user: Principal;
  csrfToken: string;
  expiresAt: string;
};

export type SignIn = {
  username: string;
  password: string;
};

/** A citation: a key of the seed papers or a URL, and where in it */
export type Source = {
  ref: string;
  locator: string;
  quote?: string;
  grade?: "primary" | "secondary" | "low";
  href?: string;
};

/** A citation: a key of the seed papers or a URL, and where in it */
export type SourceInput = {
  ref: string;
  locator: string;
  quote?: string;
  grade?: "primary" | "secondary" | "low";
  href?: string;
  [key: string]: unknown;
};

/** The latest date by the view's date at which a verified source reports the status, and who reports it */
export type StatusAsOf = {
  date: DateOrYear;
  sources: Source[];
};

export type StixBundle = {
  type: "bundle";
  id: string;
  objects: {
    type: string;
    id: string;
    [key: string]: unknown;
  }[];
  [key: string]: unknown;
};

export type StoredIncident = {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  marking: RecordMarking;
  incident: Incident;
};

export type StoredReport = {
  id: number;
  format: string;
  at: string;
  /** Who ran the import, as its audit entry names the actor (user:<username>, local...) */
  by: string | null;
  tlp: TlpLevel;
  report: ImportReport;
};

export type Strategy = {
  id: string;
  title: string;
  adopted: DateOrYear;
  until?: DateOrYear;
  replacedBy?: string;
  by: string;
  summary?: string;
  objectives: {
    id: string;
    title: string;
    summary?: string;
    sources: Source[];
  }[];
  sources: Source[];
};

export type StrategyCount = {
  count: number;
  period: string;
  sources: Source[];
  undated?: {
    note: string;
    unverified?: boolean;
  };
};

export type Tension = {
  id: string;
  title: string;
  from: DateOrYear;
  reported?: boolean;
  until?: DateOrYear;
  summary?: string;
  datedNotes?: DatedNote[];
  sources: Source[];
};

/** A value that holds from a date, and maybe until one, with its sources */
export type TimedValue = {
  value: string;
  from: DateOrYear;
  until?: DateOrYear;
  sources: Source[];
  note?: string;
  unverified?: boolean;
  reported?: boolean;
  datedNotes?: DatedNote[];
};

export type Timeline = {
  partner: string | null;
  asOf: string | null;
  events: {
    date: string;
    year: number;
    precision: "day" | "month" | "year";
    kind: string;
    partners: string[];
    title: string;
    detail: string | null;
    fact: string;
    sources: Source[];
  }[];
  activeCyberDialogues: {
    year: number;
    total: number;
    byPartner: {
      [key: string]: number;
    };
    dialogues: {
      [key: string]: string[];
    };
    startUnknown: number;
    startUnknownByPartner: {
      [key: string]: number;
    };
    statusUnknown: number;
    activeUnverified: string[];
  }[];
};

export type TlpLevel = "clear" | "green" | "amber" | "amber+strict" | "red";

export type TokenInfo = {
  id: string;
  username: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When the token was last used, to the minute; null until its first use */
  lastUsedAt: string | null;
  scope: "read" | "read-write";
  /** The token that created this one, if a token did */
  parentId: string | null;
};

export type UnCybercrimeConventionPosition = {
  value: "signed" | "ratified" | "not-signed";
  from: DateOrYear;
  until?: DateOrYear;
  sources: Source[];
  note?: string;
  unverified?: boolean;
  reported?: boolean;
  datedNotes?: DatedNote[];
  disagreements?: {
    claim: string;
    sources: Source[];
  }[];
  history: {
    value: "signed" | "ratified" | "not-signed";
    from: DateOrYear;
    until?: DateOrYear;
    sources: Source[];
    note?: string;
    unverified?: boolean;
    reported?: boolean;
    datedNotes?: DatedNote[];
    disagreements?: {
      claim: string;
      sources: Source[];
    }[];
  }[];
};

export type UnVote = {
  resolution: "71/28" | "73/27" | "73/187" | "73/266" | "74/28" | "74/29" | "74/247";
  date: string;
  vote: "yes" | "no" | "abstain" | "absent";
  note?: string;
  unverified?: boolean;
  sources: Source[];
  disagreements?: {
    claim: string;
    sources: Source[];
  }[];
};

export type Victim = {
  country: string;
  sector: string;
  name?: string;
  region?: string;
};

export type VictimInput = {
  country: string;
  sector: string;
  name?: string;
  region?: string;
  [key: string]: unknown;
};

/** The kinds of act a vote may name, each with who may propose it: the pairs POST /api/vote takes */
export type VoteActs = {
  id: "cfsp-strategic-interests" | "cfsp-hr-on-request" | "cfsp-implementing" | "cfsp-special-representative" | "cfsp-other" | "cfsp-procedural" | "sanctions-decision" | "sanctions-listing" | "sanctions-regulation" | "qualified-majority-act";
  /** Who may propose the act (data/council/voting-rules.yaml); null where any proposer may */
  proposers: ("commission" | "high-representative" | "hr-commission-joint" | "member-state")[] | null;
}[];

/** The rule (or the kind of act and who proposes it, from which the rule is derived) and each member state's vote, as lists under votes or beside the rule (states not named vote for) */
export type VoteRequestInput = {
  rule?: "unanimity" | "qmv" | "rqmv" | "simple";
  act?: "cfsp-strategic-interests" | "cfsp-hr-on-request" | "cfsp-implementing" | "cfsp-special-representative" | "cfsp-other" | "cfsp-procedural" | "sanctions-decision" | "sanctions-listing" | "sanctions-regulation" | "qualified-majority-act";
  proposer?: "commission" | "high-representative" | "hr-commission-joint" | "member-state";
  emergencyBrake?: string;
  year?: number;
  date?: string;
  defenceImplications?: boolean;
  weightedVotesRequested?: boolean;
  populationCheck?: boolean;
  votes?: {
    for?: string | string[];
    against?: string | string[];
    abstain?: string | string[];
    constructive?: string | string[];
    notParticipating?: string | string[];
  };
} | {
  rule?: "unanimity" | "qmv" | "rqmv" | "simple";
  act?: "cfsp-strategic-interests" | "cfsp-hr-on-request" | "cfsp-implementing" | "cfsp-special-representative" | "cfsp-other" | "cfsp-procedural" | "sanctions-decision" | "sanctions-listing" | "sanctions-regulation" | "qualified-majority-act";
  proposer?: "commission" | "high-representative" | "hr-commission-joint" | "member-state";
  emergencyBrake?: string;
  year?: number;
  date?: string;
  defenceImplications?: boolean;
  weightedVotesRequested?: boolean;
  populationCheck?: boolean;
  for?: string | string[];
  against?: string | string[];
  abstain?: string | string[];
  constructive?: string | string[];
  notParticipating?: string | string[];
  [key: string]: unknown;
};

export type VoteResult = {
  adopted: boolean;
  rule: "unanimity" | "qmv" | "rqmv" | "simple";
  title: string;
  basis: string;
  year: number;
  /** Set when the data holds no population figures for the vote's year yet: the latest year's figures were counted instead */
  figuresYear?: number;
  members: string[];
  populationFigures: "population" | "share" | "none";
  /** Under a qualified majority: counted with the double majority (from 1 November 2014) or in weighted votes (before it, or on request up to 31 March 2017, Protocol No 36 Art. 3), and why */
  counting?: {
    method: "double-majority" | "weighted-votes";
    reason?: "before-double-majority" | "requested";
    basis: string;
    text: string;
    period?: {
      from: string;
      until: string;
      threshold: number;
      total: number;
      weights: {
        [key: string]: number;
      };
    };
    populationCheck: boolean;
    sources: Source[];
    unverified: boolean;
    note?: string;
  };
  /** The rule the Treaties give for the act on its proposer's proposal, with why; where a rule was chosen too, contradiction says how it differs (the rule chosen is counted) */
  derivation?: {
    act?: "cfsp-strategic-interests" | "cfsp-hr-on-request" | "cfsp-implementing" | "cfsp-special-representative" | "cfsp-other" | "cfsp-procedural" | "sanctions-decision" | "sanctions-listing" | "sanctions-regulation" | "qualified-majority-act";
    proposer?: "commission" | "high-representative" | "hr-commission-joint" | "member-state";
    rule: "unanimity" | "qmv" | "rqmv" | "simple";
    basis: string;
    reasons: string[];
    cfspQualified: boolean;
    chosen?: "unanimity" | "qmv" | "rqmv" | "simple";
    contradiction?: string;
    sources: Source[];
    unverified: boolean;
    note?: string;
  };
  /** A member state declared vital and stated reasons of national policy to oppose the decision (Art. 31(2) TEU, second subparagraph): no vote is taken */
  emergencyBrake?: {
    state: string;
    voteTaken: false;
    basis: string;
    text: string;
    sources: Source[];
    unverified: boolean;
    note?: string;
  };
  votes: {
    [key: string]: string[];
  };
  counts: {
    members: number;
    participating: number;
    for: number;
    against: number;
    abstain: number;
    constructive: number;
    notParticipating: number;
  };
  shares: {
    members: {
      for: number;
      against: number;
      abstain: number;
      constructive: number;
    };
    population: {
      for: number;
      against: number;
      abstain: number;
      constructive: number;
    };
  };
  thresholds: {
    id: string;
    text: string;
    required: {
      members?: number;
      populationPercent?: number;
      votes?: number;
      votesOf?: number;
    };
    actual: {
      members?: number;
      populationPercent?: number;
      votes?: number;
    };
    met: boolean;
  }[];
  deemedReached: boolean;
  explanation: string[];
  whatWouldFlip: {
    states: string[];
    to: "for" | "against" | "abstain" | "constructive" | "notParticipating";
    outcome: "adopted" | "rejected";
    text: string;
  }[];
  pivotal: {
    state: string;
    from: "for" | "against" | "abstain" | "constructive" | "notParticipating";
    to: "for" | "against" | "abstain" | "constructive" | "notParticipating";
    outcome: "adopted" | "rejected";
  }[];
  /** Member states left out of the vote by its subject (Denmark on decisions with defence implications until 1 July 2022), with why */
  participationExceptions?: {
    state: string;
    subject: "defence-implications";
    basis: string;
    text: string;
    sources: Source[];
    unverified: boolean;
    note?: string;
    constructiveAbstention?: {
      among: "participants" | "all-members";
      text: string;
      unverified: boolean;
      note?: string;
    };
  }[];
  constructiveAbstention?: {
    text: string;
    sources: Source[];
    unverified: boolean;
    note?: string;
    counted?: "participants" | "all-members";
  };
  sources: Source[];
  unverified: boolean;
};

export type Weights = {
  version: 1;
  title: string;
  dimensions: {
    institutionalDensity: {
      rationale: string;
      sources: Source[];
      countedTopics: ("cyber-security" | "cyber-crime" | "cyber-defence" | "internet-governance" | "information-society-ict" | "telecommunications" | "justice-home-affairs" | "law-enforcement" | "critical-infrastructure" | "counter-terrorism" | "foreign-policy" | "capacity-building" | "research-innovation")[];
      levelPoints: {
        [key: string]: number;
      };
      frequencyFactor: {
        [key: string]: number;
      };
      statusFactor: {
        [key: string]: number;
      };
      cyberSpecificBonus: number;
      documentPoints: {
        [key: string]: number;
      };
      attentionFactor: {
        [key: string]: number;
      };
      attentionPoints: {
        [key: string]: number;
      };
      cap: number;
    };
    legalFramework: {
      rationale: string;
      sources: Source[];
      typePoints: {
        [key: string]: number;
      };
      statusFactor: {
        [key: string]: number;
      };
      cap: number;
    };
    alignment: {
      rationale: string;
      sources: Source[];
      base: number;
      budapest: {
        [key: string]: number;
      };
      budapestStance: {
        [key: string]: number;
      };
      internetGovernance: {
        [key: string]: number;
      };
      wcit2012: {
        [key: string]: number;
      };
      memberships: {
        [key: string]: number;
      };
      divergence: number;
      cap: number;
    };
    cooperation: {
      rationale: string;
      sources: Source[];
      kinds: {
        [key: string]: {
          points: number;
          delivers: "results" | "process" | "multilateral";
        };
      };
      countedChannels: ("eu-partner" | "multilateral-coordination" | "multilateral-forum" | "other-organisation" | "track-2" | "proposal")[];
      extentFactor: {
        [key: string]: number;
      };
      eventYears: number;
      extentCeiling: {
        [key: string]: {
          points: number;
          reason: string;
          sources: Source[];
        };
      };
      cap: number;
    };
    trust: {
      rationale: string;
      sources: Source[];
      base: number;
      perception: {
        [key: string]: number;
      };
      tension: number;
      tensionKinds: ("cyber-offence" | "surveillance" | "political-friction" | "normative-divergence")[];
      tensionFloor: number;
      cap: number;
    };
  };
  signals: {
    positional: {
      rationale: string;
      sources: Source[];
      levelPoints: {
        [key: string]: number;
      };
      cyberSpecificBonus: number;
      cap: number;
    };
    integrative: {
      rationale: string;
      sources: Source[];
      perception: {
        [key: string]: number;
      };
      tension: {
        [key: string]: number;
      };
      cap: number;
    };
    multilateral: {
      rationale: string;
      sources: Source[];
      budapest: {
        [key: string]: number;
      };
      memberships: {
        [key: string]: number;
      };
      cooperationChannels: {
        [key: string]: number;
      };
      cap: number;
    };
    internetGovernance: {
      rationale: string;
      sources: Source[];
      model: {
        [key: string]: number;
      };
      dialogueTopic: "cyber-security" | "cyber-crime" | "cyber-defence" | "internet-governance" | "information-society-ict" | "telecommunications" | "justice-home-affairs" | "law-enforcement" | "critical-infrastructure" | "counter-terrorism" | "foreign-policy" | "capacity-building" | "research-innovation";
      dialoguePoints: number;
      cap: number;
    };
  };
  maturity: {
    rationale: string;
    sources: Source[];
    weights: {
      [key: string]: number;
    };
  };
  orientation: {
    rationale: string;
    sources: Source[];
    rules: {
      id: string;
      label: "results-oriented" | "process-oriented" | "under-delivering";
      when: {
        metric: "institutionalDensity" | "legalFramework" | "alignment" | "cooperation" | "trust" | "cooperationResults" | "cooperationProcess" | "cyberDialogues" | "cyberSpecificDialogues";
        atLeast?: number;
        below?: number;
      }[];
      because: string;
      sources: Source[];
    }[];
  };
  purposes: {
    [key: string]: {
      rationale: string;
      sources: Source[];
      title: string;
      components: {
        signal: "institutionalDensity" | "legalFramework" | "alignment" | "cooperation" | "trust" | "cooperationResults" | "cooperationProcess" | "positional" | "integrative" | "multilateral" | "internetGovernance";
        weight: number;
        note: string;
      }[];
    };
  };
  network: {
    rationale: string;
    sources: Source[];
    blocs: {
      rationale: string;
      sources: Source[];
      seed: number;
      resolution: number;
      features: {
        internetGovernance: number;
        wcit2012: number;
        budapest: number;
        memberships: {
          [key: string]: number;
        };
      };
      labels: {
        [key: string]: "like-minded" | "intergovernmental" | "swing";
      };
    };
  };
  readings: {
    rationale: string;
    sources: Source[];
    unread: {
      cooperation: {
        channel: "eu-partner" | "multilateral-coordination" | "multilateral-forum" | "other-organisation" | "track-2" | "proposal";
        extent: "some" | "regular" | "functioning";
      };
      tensionKind: "cyber-offence" | "surveillance" | "political-friction" | "normative-divergence";
    };
    cooperation: {
      [key: string]: {
        channel: "eu-partner" | "multilateral-coordination" | "multilateral-forum" | "other-organisation" | "track-2" | "proposal";
        extent: "some" | "regular" | "functioning";
        event?: boolean;
        reason: string;
        sources: Source[];
      };
    };
    tensions: {
      [key: string]: {
        kind: "cyber-offence" | "surveillance" | "political-friction" | "normative-divergence";
        reason: string;
        sources: Source[];
      };
    };
    attention: {
      [key: string]: {
        extent: "absent" | "succinct" | "substantial";
        reason: string;
        sources: Source[];
      };
    };
  };
};

export type WeightsChoiceInput = {
  /** A whole weights file, or { extends: reviewed, ...only your changes } */
  weights: unknown;
  [key: string]: unknown;
};

/** The JSON answer of each operation that has one (its 200 or 201). */
export interface Answers {
  "GET /api/actors": Actor[];
  "GET /api/areas-of-responsibility": AreaOfResponsibility[];
  "GET /api/assess": Assessment[];
  "POST /api/assess": Assessment[];
  "GET /api/assess/{id}": Assessment;
  "POST /api/assess/{id}": Assessment;
  "GET /api/assess/{id}/history": AssessmentHistory;
  "GET /api/assess/weights": Weights;
  "GET /api/audit": AuditEntry[];
  "GET /api/audit/registry-seed": RegistrySeed;
  "GET /api/audit/verify": AuditVerdict;
  "POST /api/auth/bootstrap": Account;
  "POST /api/auth/login": SignedIn;
  "GET /api/auth/me": Me;
  "GET /api/compare": CompareResult;
  "GET /api/dialogues": DialogueFact[];
  "GET /api/export/{view}": unknown;
  "GET /api/gaps/{id}": Gaps;
  "GET /api/health": Health;
  "POST /api/import/cfr": ImportReport;
  "POST /api/import/eurepoc": ImportReport;
  "GET /api/import/reports": StoredReport[];
  "POST /api/import/stix": ImportReport;
  "GET /api/incidents": IncidentPage;
  "POST /api/incidents": StoredIncident;
  "GET /api/incidents/{id}": ShownIncident;
  "PATCH /api/incidents/{id}": StoredIncident;
  "PUT /api/incidents/{id}": StoredIncident;
  "GET /api/incidents/{id}/history": HistoryEntry[];
  "GET /api/incidents/{id}/plan": IncidentPlan;
  "GET /api/kb/changes": KbChange[];
  "POST /api/kb/changes": KbChange;
  "GET /api/kb/changes/{id}": KbChange;
  "POST /api/kb/changes/{id}/approve": KbChange;
  "POST /api/kb/changes/{id}/reject": KbChange;
  "POST /api/kb/changes/{id}/revise": KbChange;
  "GET /api/kb/records": KbRecord;
  "GET /api/matrix": InstrumentMatrix;
  "GET /api/measures": Measure[];
  "GET /api/member-states": MemberStates;
  "GET /api/national-strategies": NationalStrategies[];
  "GET /api/network": unknown;
  "GET /api/openapi.json": unknown;
  "GET /api/partners": PartnerSummary[];
  "GET /api/partners/{id}": PartnerProfile;
  "GET /api/partners/{id}/changes": ChangesSince;
  "GET /api/ready": Ready;
  "POST /api/respond": ResponsePlan;
  "GET /api/sanctions": SanctionsView;
  "GET /api/sanctions/screen": ScreenResult;
  "POST /api/sanctions/screen": BatchScreenResult;
  "GET /api/search": SearchHit[];
  "GET /api/strategies": Strategy[];
  "GET /api/timeline": Timeline;
  "GET /api/timeline/{id}": Timeline;
  "GET /api/tokens": TokenInfo[];
  "POST /api/tokens": CreatedToken;
  "DELETE /api/tokens/{id}": TokenInfo;
  "GET /api/users": Account[];
  "POST /api/users": Account;
  "GET /api/users/{username}": Account;
  "PATCH /api/users/{username}": Account;
  "POST /api/vote": VoteResult;
  "GET /api/vote/acts": VoteActs;
}
