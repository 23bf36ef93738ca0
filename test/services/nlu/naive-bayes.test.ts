import { NaiveBayes } from '../../../services/nlu/naive-bayes';

describe('naive Bayes', () => {
  const examples = [
    { label: 'a' as const, features: ['x', 'x', 'k:one'] },
    { label: 'b' as const, features: ['y', 'k:two'] },
  ];

  it('ranks the class whose features the text shares', () => {
    const nb = new NaiveBayes(examples);
    expect(nb.classify(['x']).ranked[0]!.label).toBe('a');
    expect(nb.classify(['y']).ranked[0]!.label).toBe('b');
  });

  it('weights features and leaves some out of coverage', () => {
    const nb = new NaiveBayes(examples, {
      weightOf: (f) => (f.startsWith('k:') ? 5 : 1),
      countsForCoverage: (f) => !f.startsWith('k:'),
    });
    // One heavy concept outweighs one plain word of the other class.
    expect(nb.classify(['x', 'k:two']).ranked[0]!.label).toBe('b');
    // Coverage counts plain features only: one known word of two.
    expect(nb.classify(['x', 'unknown', 'k:one']).coverage).toBeCloseTo(0.5);
    expect(nb.classify(['k:one']).coverage).toBe(0);
  });
});
