// The attempted intrusion into the OPCW's Wi-Fi network in The Hague (April 2018), as an incident of the API: attributed
// by the Netherlands on 4 October 2018 and by the Council when it listed four GRU officers on 30 July 2020
// (Implementing Regulation 2020/1125). Plans dated around those days, and imports of its export, read it.
export const OPCW_INCIDENT = {
  title: 'Attempted intrusion into a chemical weapons organisation network',
  start: '2018-04-13',
  category: 'cyber-espionage',
  victims: [{ country: 'NL', sector: 'external-relations' }],
  effects: { severity: 'high', attempted: true },
  initiator: { type: 'state', country: 'RU', identifiedPersons: ['Alexey Minin'] },
  attribution: [
    { kind: 'political', by: 'NL government', confidence: 'high', public: true, date: '2018-10-04' },
    { kind: 'political', by: 'Council of the EU', confidence: 'high', public: true, date: '2020-07-30' },
  ],
  context: { euDelegationInInitiatorCountry: true },
};
