// The response plan of an incident: the ladder, the open and the closed measures with the attribution each rests on,
// the bodies to involve, what the observatory holds on the initiator state, and the precedents.
import { namePapers } from '../lib/citation';
import { generalReasons, reasonLabel, withoutGeneral } from '../lib/plan';
import type { PlanMeasure, ResponsePlan as Plan } from '../toolbox-types';
import { EscalationLadder } from './escalation-ladder';
import { InvolvedBodies } from './involved-bodies';
import { MeasureCard } from './measure-card';
import { PlanNotCounted } from './plan-not-counted';
import { PlanObservatory } from './plan-observatory';
import { PlanPrecedents } from './plan-precedents';
import { PlanSanctions } from './plan-sanctions';
import { SourcesButton } from './sources-button';

/** `identified`: how many persons and entities the incident names (the plan screens them against the sanctions list). */
export function ResponsePlan({ plan, measures: all, identified }: { plan: Plan; measures: PlanMeasure[]; identified: number }) {
  const general = generalReasons(all);
  const measures = withoutGeneral(all, general);
  const open = measures.filter((m) => m.available);
  const closed = measures.filter((m) => !m.available);
  return (
    <div className="plan">
      <PlanNotCounted asOf={plan.asOf} items={plan.notCounted} />
      <div className="plan-top">
        <section aria-labelledby="ladder-heading" className="card">
          <h3 id="ladder-heading">Escalation ladder</h3>
          <p className="plan-count">
            <strong>{open.length}</strong> of {measures.length} measures open.
          </p>
          <EscalationLadder measures={measures} />
        </section>
        <section aria-labelledby="bodies-heading" className="card">
          <h3 id="bodies-heading">Bodies to involve</h3>
          <InvolvedBodies bodies={plan.bodies ?? []} />
          {general.length > 0 && (
            <>
              <h3 className="general-heading">Throughout</h3>
              <ul className="reasons">
                {general.map((r) => (
                  <li key={r.rule} className="reason reason-advisory">
                    <span className="reason-mark" aria-hidden="true">
                      i
                    </span>
                    <span className="reason-text">{namePapers(r.text)}</span>
                    <SourcesButton sources={r.sources} label={reasonLabel(namePapers(r.text))} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      {plan.sanctions && <PlanSanctions sanctions={plan.sanctions} identified={identified} />}
      <section aria-labelledby="open-heading">
        <h3 id="open-heading">Open measures, least coercive first</h3>
        {open.length === 0 ? <p className="muted">No measure is open.</p> : open.map((m) => <MeasureCard key={m.id} measure={m} />)}
      </section>
      <section aria-labelledby="closed-heading">
        <h3 id="closed-heading">Closed measures and why</h3>
        {closed.length === 0 ? <p className="muted">No measure is closed.</p> : closed.map((m) => <MeasureCard key={m.id} measure={m} />)}
      </section>
      {plan.observatory !== undefined && <PlanObservatory observatory={plan.observatory} level={3} />}
      {plan.precedents && <PlanPrecedents precedents={plan.precedents} level={3} />}
    </div>
  );
}
