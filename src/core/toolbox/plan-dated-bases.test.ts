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
