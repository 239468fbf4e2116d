// The cyber-sanctions answers' types, generated from the OpenAPI document (api/schema.d.ts, `npm run openapi`); the
// names below are the parts the pages read.
import type * as api from './api/schema';

export type SanctionsView = api.SanctionsView;
export type ListedTarget = api.SanctionsTarget;
export type ScreeningMatch = api.ScreeningMatch;
export type ScreenResult = api.ScreenResult;
export type BatchScreenResult = api.BatchScreenResult;
export type PlanSanctions = api.PlanSanctions;
export type AlreadyListed = api.PlanSanctions['alreadyListed'][number];
export type RegimeStatus = api.SanctionsView['regime'];
export type RegimeState = RegimeStatus['state'];
export type Renewal = api.SanctionsView['renewals'][number];
export type TargetGroup = api.SanctionsTarget['groups'][number];
export type SanctionsAct = api.SanctionsView['framework']['decision'];
