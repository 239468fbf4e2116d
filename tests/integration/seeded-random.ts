// The integration tests that draw random steps use the core's seeded generator, so that a failure can be replayed
// from its seed.
export { seededRandom } from '../../src/core/seeded-random';
