// The assessment's answers: each partner's orientation, maturity and purposes with the facts that moved them, the
// comparison of partners, gaps against the EU's objectives, the timeline, an assessment over the years, the weights.
// Written from the engine's answers; the answers test holds them to it.
import { z } from 'zod';
import { WeightsFile } from '../core/assess/weights';
import { named, query, viewAsOf as asOf } from './common';
import { Source } from './knowledge-base';

const assessment = z.object({
  id: z.string(),
  name: z.string(),
  asOf: z.string().nullable(),
  weights: z.string(),
  orientation: z.string(),
  orientationRule: z.object({
    id: z.string(),
    because: z.string(),
    sources: z.array(Source),
    conditions: z.array(z.object({
      metric: z.string(),
      test: z.string(),
      threshold: z.number(),
      value: z.number(),
      met: z.boolean(),
    })),
  }),
  orientationExplanation: z.array(z.object({
    fact: z.object({
      id: z.string(),
      title: z.string(),
    }),
    effect: z.number(),
    sources: z.array(Source),
    rule: z.string(),
    note: z.string().optional(),
  })),
  maturity: z.number(),
  purposes: z.object({
    reflexive: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string(),
      })),
    }),
    relational: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string(),
      })),
    }),
    structural: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string(),
      })),
    }),
  }),
  dimensions: z.object({
    institutionalDensity: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string().optional(),
      })),
    }),
    legalFramework: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string().optional(),
      })),
    }),
    alignment: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
      })),
    }),
    cooperation: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string().optional(),
      })),
    }),
    trust: z.object({
      title: z.string(),
      score: z.number(),
      explanation: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string().optional(),
      })),
    }),
  }),
  metrics: z.object({
    institutionalDensity: z.number(),
    legalFramework: z.number(),
    alignment: z.number(),
    cooperation: z.number(),
    trust: z.number(),
    cooperationResults: z.number(),
    cooperationProcess: z.number(),
    cyberDialogues: z.number(),
    cyberSpecificDialogues: z.number(),
  }),
  explanation: z.array(z.object({
    fact: z.object({
      id: z.string(),
      title: z.string(),
    }),
    effect: z.number(),
    sources: z.array(Source),
    rule: z.string(),
    note: z.string().optional(),
  })),
  unverified: z.array(z.object({
    fact: z.object({
      id: z.string(),
      title: z.string(),
    }),
    sources: z.array(Source),
  })),
  recordStops: z.object({
    wouldBe: z.string().describe('The orientation with the lapsed one-off deliverables still counted'),
    lastReported: z.string().describe('The latest report among the lapsed deliverables'),
    lapsed: z.array(z.object({ kind: z.enum(['deliverable', 'dialogue']), fact: z.object({ id: z.string(), title: z.string() }), lastReported: z.string(), sources: z.array(Source) })),
  }).nullable().describe('Set when an under-delivering label rests only on the record stopping: one-off deliverables no longer counted because no later report of them is known'),
  rank: z.number().optional(),
});

const compare = z.object({
  asOf: z.string().nullable(),
  partners: z.array(z.object({
    id: z.string(),
    name: z.string(),
    orientation: z.string(),
    maturity: z.number(),
  })),
  rows: z.array(z.object({
    key: z.string(),
    title: z.string(),
    values: z.record(z.string(), z.object({
      value: z.union([z.string(), z.number()]),
      top: z.array(z.object({
        fact: z.object({
          id: z.string(),
          title: z.string(),
        }),
        effect: z.number(),
        sources: z.array(Source),
        rule: z.string(),
        note: z.string().optional(),
      })),
    })),
  })),
  /** The partners' assessments, each as GET /api/assess/:id gives it. */
  assessments: z.array(assessment),
});

/** A record the gaps engine names (a gap rule, an objective, a fact meeting it), with its sources. */
const cited = { id: z.string(), title: z.string(), sources: z.array(Source) };

/** One objective checked against the partnership: a gap where nothing meets it, met where facts do. */
const gapItem = z.object({
  rule: z.object(cited),
  objective: z.object({
    strategy: z.object({
      id: z.string(),
      title: z.string(),
      adopted: z.string(),
      until: z.unknown(),
    }),
    ...cited,
  }),
  lacking: z.string(),
  requirement: z.string(),
  metBy: z.array(z.object(cited)),
});

const gaps = z.object({
  id: z.string(),
  name: z.string(),
  asOf: z.string().nullable(),
  gaps: z.array(gapItem),
  met: z.array(gapItem),
});

const timeline = z.object({
  partner: z.string().nullable(),
  asOf: z.string().nullable(),
  events: z.array(z.object({
    date: z.string(),
    year: z.number(),
    precision: z.enum(['day', 'month', 'year']),
    kind: z.string(),
    partners: z.array(z.string()),
    title: z.string(),
    detail: z.string().nullable(),
    fact: z.string(),
    sources: z.array(Source),
  })),
  activeCyberDialogues: z.array(z.object({
    year: z.number(),
    total: z.number(),
    byPartner: z.record(z.string(), z.number()),
    dialogues: z.record(z.string(), z.array(z.string())),
    startUnknown: z.number(),
    startUnknownByPartner: z.record(z.string(), z.number()),
    statusUnknown: z.number(),
    /** Dialogues active at the date only on an unverified entry: shown apart, not counted in `total`. */
    activeUnverified: z.array(z.string()),
  })),
});

const history = z.object({
  id: z.string(),
  name: z.string(),
  from: z.number(),
  to: z.number(),
  weights: z.string(),
  years: z.array(z.object({
    year: z.number(),
    asOf: z.string(),
    maturity: z.number(),
    orientation: z.string(),
    orientationRule: z.string(),
    dimensions: z.object({
      institutionalDensity: z.number(),
      legalFramework: z.number(),
      alignment: z.number(),
      cooperation: z.number(),
      trust: z.number(),
    }),
    moved: z.array(z.object({
      fact: z.object({
        id: z.string(),
        title: z.string(),
      }),
      change: z.number(),
      how: z.string(),
      because: z.string().optional().describe("What the sources report of the fact within the year, where that is why it moved: a status it took (suspended, on hold, a dialogue's status unknown for want of reports) or the end of a cooperation item; absent for a fact newly counted"),
      sources: z.array(Source),
    })),
  })),
});

export const Assessment = named('Assessment', assessment);
export const CompareResult = named('CompareResult', compare);
export const Gaps = named('Gaps', gaps);
export const Timeline = named('Timeline', timeline);
export const AssessmentHistory = named('AssessmentHistory', history);
export const Weights = named('Weights', WeightsFile);
export const WeightsChoice = named('WeightsChoice', z.object({ weights: z.unknown().describe('A whole weights file, or { extends: reviewed, ...only your changes }') }));

export const CompareQuery = z.object({ ids: query.text('Partner ids, comma-separated'), asOf });
export const HistoryQuery = z.object({ from: query.text('First year (2010 by default)'), to: query.text('Last year (this year by default, read as of today; an earlier year is read at its last day)') });
export const NetworkQuery = z.object({ format: query.text('json (default), graphml or gexf'), asOf });
