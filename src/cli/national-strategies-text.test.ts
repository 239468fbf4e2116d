// The partner command's lines on national cybersecurity strategies: the dataset's count in words that agree with it.
import { describe, expect, it } from 'vitest';
import { realDataset } from '../core/assess/real-data.test-support';
import { strategiesAt } from '../core/kb/national-strategies';
import { strategiesText } from './national-strategies-text';

const strategies = realDataset().nationalStrategies;
const counted = (partner: string) => strategiesText(strategiesAt(strategies, partner, undefined), () => '').find((l) => l.includes('Counted:'));

describe('the count of a partner’s strategies', () => {
  it('says one strategy for a count of one (China) and strategies for more (the United States)', () => {
    expect(counted('CN')).toMatch(/^ {2}Counted: 1 strategy in 2000-2024 /);
    expect(counted('US')).toMatch(/^ {2}Counted: 3 strategies in 2000-2024 /);
  });
});
