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
