// Which refusals the web app reads as a feature missing from the server it talks to.
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';

describe('ApiError.unavailable', () => {
  it('reads a path the server lacks, or a method its path does not take, as a feature this server does not have', () => {
    expect(new ApiError(404, 'not_found', 'No route GET /api/x').unavailable).toBe(true);
    expect(new ApiError(405, 'method_not_allowed', 'No route PATCH /api/x: it answers GET').unavailable).toBe(true);
    expect(new ApiError(404, 'unknown_incident', 'No incident').unavailable).toBe(false);
    expect(new ApiError(403, 'forbidden', 'No').unavailable).toBe(false);
  });
});

describe('ApiError.retryable', () => {
  it('offers a retry for an unreachable, busy or failing server, never for a refusal of the request itself', () => {
    expect(new ApiError(0, 'network', 'The server could not be reached').retryable).toBe(true);
    expect(new ApiError(503, 'overloaded', 'Busy').retryable).toBe(true);
    expect(new ApiError(500, 'internal', 'Internal error').retryable).toBe(true);
    expect(new ApiError(429, 'rate_limited', 'Too many').retryable).toBe(true);
    expect(new ApiError(400, 'invalid_vote', 'Invalid vote').retryable).toBe(false);
    expect(new ApiError(404, 'unknown_incident', 'No incident').retryable).toBe(false);
    expect(new ApiError(400, 'invalid_date', 'asOf').retryable).toBe(false);
  });
});
