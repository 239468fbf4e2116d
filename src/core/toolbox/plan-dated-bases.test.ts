// A plan cites the acts in force on its date: the dual-use regulation of its day (bendiek2018, "Export Controls": the
// "dual-use directive of May 2009", recast as Regulation (EU) 2021/821), the external instrument of its day, and the
// cyber-sanctions acts only from their adoption on 17 May 2019.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { planResponse } from './rules';
import { incident, MINISTRY_INTRUSION, toolbox } from './toolbox.fixture';

const bases = (id: string, asOf: string) => {
  const input = incident({ ...MINISTRY_INTRUSION, start: '1999-01-01', attribution: [] });
  const plan = planResponse(input, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: asOf as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions });
  return plan.measures.find((m) => m.id === id)!.legalBasis.map((b) => b.label);
};

describe('legal bases on the plan\'s date', () => {
  it('export controls: the dual-use regulation that applied on the day, or none before the first', () => {
    expect(bases('export-controls', '2026-06-01')).toEqual(['Regulation (EU) 2021/821 (dual-use items)', 'Art. 5 Regulation (EU) 2021/821']);
    expect(bases('export-controls', '2021-09-09')).toContain('Art. 5 Regulation (EU) 2021/821');
    expect(bases('export-controls', '2021-09-08')).toEqual(['Council Regulation (EC) No 428/2009 (dual-use items)']);
    expect(bases('export-controls', '2015-06-01')).toEqual(['Council Regulation (EC) No 428/2009 (dual-use items)']);
    expect(bases('export-controls', '2009-08-27')).toEqual(['Council Regulation (EC) No 428/2009 (dual-use items)']);
    expect(bases('export-controls', '2009-08-26')).toEqual(['Council Regulation (EC) No 1334/2000 (dual-use items)']);
    expect(bases('export-controls', '2000-01-01')).toEqual(['none in force on 2000-01-01: Council Regulation (EC) No 1334/2000 (dual-use items) applies from 2000-09-28']);
  });

  it('capacity building: the IcSP to the end of 2020, NDICI-Global Europe from 2021', () => {
    expect(bases('capacity-building', '2020-12-31')).toContain('Regulation (EU) No 230/2014 (Instrument contributing to Stability and Peace, IcSP)');
    expect(bases('capacity-building', '2020-12-31')).not.toContain('Regulation (EU) 2021/947 (NDICI-Global Europe)');
    expect(bases('capacity-building', '2021-01-01')).toContain('Regulation (EU) 2021/947 (NDICI-Global Europe)');
    expect(bases('capacity-building', '2021-01-01')).not.toContain('Regulation (EU) No 230/2014 (Instrument contributing to Stability and Peace, IcSP)');
  });

  it('restrictive measures: Decision (CFSP) 2019/797 and Regulation (EU) 2019/796 only from 17 May 2019', () => {
    expect(bases('restrictive-measures', '2019-05-16')).not.toContain('Art. 1 Decision (CFSP) 2019/797');
    expect(bases('restrictive-measures', '2019-05-16')).not.toContain('Regulation (EU) 2019/796');
    expect(bases('restrictive-measures', '2019-05-16')).toContain('Art. 215 TFEU');
    expect(bases('restrictive-measures', '2019-05-17')).toEqual(expect.arrayContaining(['Art. 1 Decision (CFSP) 2019/797', 'Regulation (EU) 2019/796']));
  });
});

// What each measure rests on, as its source names it: a basis dropped from the data leaves the plan without the act a
// reader would look for.
const NAMED_BASES: [measure: string, label: string, source: string][] = [
  ['capacity-building', 'association, partnership or cooperation agreement with the country or region', 'bendiek2018, "Prevention" (agreed with regional bodies or in association, partnership and cooperation agreements)'],
  ['confidence-building-measures', 'OSCE confidence-building measures for cyberspace', 'bendiek2018, "Cyber Defence" (CBMs led by the UN and the OSCE)'],
  ['confidence-building-measures', 'Council conclusions on a framework for a joint EU diplomatic response to malicious cyber activities (19 June 2017)', 'dig.watch, the 2017 conclusions'],
  ['cyber-dialogue', 'strategic partnership or political dialogue framework with the third state', 'bendiek2018, fourth pillar (dialogues within the strategic partnerships)'],
  ['cyber-dialogue', 'Council conclusions on a framework for a joint EU diplomatic response to malicious cyber activities (19 June 2017)', 'dig.watch, the 2017 conclusions'],
  ['demarche', 'Art. 221 TFEU', 'Union delegations represent the Union (unverified)'],
  ['demarche', 'Art. 27(2) TEU', 'the High Representative represents the Union for CFSP matters (unverified)'],
  ['cooperative-talks', 'Art. 27(2) TEU', 'the High Representative conducts political dialogue (unverified)'],
  ['cooperative-talks', 'Art. 221 TFEU', 'Union delegations represent the Union (unverified)'],
  ['hr-declaration-own-responsibility', 'Art. 27(2) TEU', 'the High Representative represents the Union (unverified)'],
  ['hr-declaration-on-behalf-of-eu', 'Art. 27(2) TEU', 'the High Representative represents the Union (unverified)'],
  ['council-conclusions', 'Art. 29 TEU', 'Decision (CFSP) 2019/797 rests on it; a CFSP position'],
  ['implementing-decision', 'Art. 31(4) TEU', 'research notes 3.5 (no derogation for defence implications)'],
  ['restrictive-measures', 'Art. 29 TEU', 'data/toolbox/sanctions.yaml: Decision (CFSP) 2019/797 under Art. 29 TEU'],
  ['restrictive-measures', 'Art. 215 TFEU', 'data/toolbox/sanctions.yaml: Regulation (EU) 2019/796 under Art. 215 TFEU'],
  ['restrictive-measures', 'Regulation (EU) 2019/796', 'eur-lex, Regulation (EU) 2019/796'],
  ['restrictive-measures', 'Art. 275(2) and Art. 263(4) TFEU', 'bendiek2018, "Sanctions" (listings can be contested)'],
  ['solidarity-clause', 'Art. 4 Council Decision 2014/415/EU', 'research notes 4.2 (invocation through the ERCC)'],
  ['solidarity-clause', 'Art. 5 Council Decision 2014/415/EU', 'research notes 4.2 (the Union response, the IPCR)'],
  ['mutual-assistance-clause', 'Art. 42(7) TEU', 'research notes 4.3'],
  ['mutual-assistance-clause', 'Art. 51 UN Charter', 'Art. 42(7) TEU, "in accordance with Article 51 of the UN Charter"'],
  ['nato-collective-defence', 'Art. 5 North Atlantic Treaty', 'bendiek2018, "Cyber Defence" (Article 5)'],
  ['nato-collective-defence', 'Art. 51 UN Charter', 'bendiek2018, introduction (self-defence)'],
  ['active-defence', 'Art. 51 UN Charter', 'bendiek2018, "Due Diligence, Step by Step" (after self-defence is invoked)'],
  ['active-defence-hackback', 'Art. 51 UN Charter', 'bendiek2018, "Due Diligence, Step by Step"'],
  ['active-defence-hackback', 'due-diligence principle (UN GGE report, June 2015)', 'bendiek2018, "Due Diligence, Step by Step"'],
  ['criminal-justice-cooperation', 'Council of Europe Convention on Cybercrime (Budapest Convention)', 'renard2014, the Budapest Convention'],
  ['criminal-justice-cooperation', 'EU mutual legal assistance agreements (e.g. with the United States and Japan)', 'renard2014, MLA agreements'],
];

describe('the due-diligence principle of the UN GGE report (A/70/174, 22 July 2015) as a basis of the hack-back', () => {
  it('is cited from the report\'s day, not before', () => {
    expect(bases('active-defence-hackback', '2015-07-21')).toEqual(['Art. 51 UN Charter']);
    expect(bases('active-defence-hackback', '2012-01-01')).toEqual(['Art. 51 UN Charter']);
    expect(bases('active-defence-hackback', '2015-07-22')).toEqual(['Art. 51 UN Charter', 'due-diligence principle (UN GGE report, June 2015)']);
  });
});

describe('the acts each measure rests on', () => {
  it.each(NAMED_BASES)('%s cites %s (%s)', (id, label) => {
    expect(bases(id, '2026-06-01')).toContain(label);
  });
});
