import { describe, expect, it } from 'vitest';
import { methodsFor } from './route-methods';

const routes = [
  { method: 'GET', url: '/api/partners' },
  { method: 'GET', url: '/api/partners/:id' },
  { method: 'GET', url: '/api/incidents/:id' },
  { method: 'PUT', url: '/api/incidents/:id' },
  { method: 'DELETE', url: '/api/incidents/:id' },
  { method: 'POST', url: '/api/kb/changes/:id/approve' },
];

describe('methodsFor', () => {
  it('lists the methods of every route whose pattern matches the path', () => {
    expect(methodsFor('/api/partners', routes)).toEqual(['GET']);
    expect(methodsFor('/api/incidents/inc-1', routes)).toEqual(['DELETE', 'GET', 'PUT']);
    expect(methodsFor('/api/kb/changes/7/approve', routes)).toEqual(['POST']);
  });

  it('matches a parameter within one segment only, and nothing for an unknown path', () => {
    expect(methodsFor('/api/partners/US/extra', routes)).toEqual([]);
    expect(methodsFor('/api/nothing', routes)).toEqual([]);
    expect(methodsFor('/api/partnersX', routes)).toEqual([]);
  });
});
