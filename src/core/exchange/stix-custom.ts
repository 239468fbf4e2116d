// Custom properties the product writes on STIX export, so that a re-import gives back the very same records.
export const X_ID = 'x_cyberdiplo_id';
export const X_INCIDENT = 'x_cyberdiplo_incident';
export const X_ACTOR = 'x_cyberdiplo_actor';
export const X_ATTRIBUTION = 'x_cyberdiplo_attribution';
export const X_SIGHTING = 'x_cyberdiplo_sighting';
export const X_REPORT = 'x_cyberdiplo_report';
/**
 * On the STIX objects that restate an incident's own attributions for other tools (stix-export-attributions.ts): the
 * attribution a relationship restates, and a mark on the actors and links it points to. The import reads them as
 * what the incident's extension already holds, never as records of their own.
 */
export const X_INCIDENT_ATTRIBUTION = 'x_cyberdiplo_incident_attribution';
export const X_INCIDENT_INITIATOR = 'x_cyberdiplo_incident_initiator';
/**
 * On the relationship that says an incident's record identifies a person or an entity behind it
 * (stix-export-identified.ts): which list of the record's initiator the name is in. The import reads it as what the
 * incident's extension already holds.
 */
export const X_INCIDENT_IDENTIFIED = 'x_cyberdiplo_incident_identified';
