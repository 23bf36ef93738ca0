// Multinomial naive Bayes over sparse string features, trained once at construction. Small and fast:
// scoring is one map lookup per feature per class.

export interface Posterior<L extends string> {
  /** Classes with probabilities, best first. */
  ranked: { label: L; p: number }[];
  /** Share of the text's features the training data has seen (0 when nothing was known). */
  coverage: number;
}

export interface NaiveBayesOptions {
  alpha?: number;
  temperature?: number;
  /** How much one occurrence of a feature counts, in training and in scoring (default 1). */
  weightOf?: (feature: string) => number;
  /** Which features say the text is known (default all). */
  countsForCoverage?: (feature: string) => boolean;
}

export class NaiveBayes<L extends string> {
  private readonly labels: L[];
  private readonly logPrior = new Map<L, number>();
  private readonly logLikelihood = new Map<L, Map<string, number>>();
  private readonly logUnseen = new Map<L, number>();
  private readonly vocabulary = new Set<string>();

  constructor(
    examples: readonly { features: readonly string[]; label: L }[],
    private readonly options: NaiveBayesOptions = {},
  ) {
    const alpha = options.alpha ?? 0.5;
    const weightOf = options.weightOf ?? (() => 1);
    const counts = new Map<L, Map<string, number>>();
    const totals = new Map<L, number>();
    const docs = new Map<L, number>();
    for (const { features, label } of examples) {
      docs.set(label, (docs.get(label) ?? 0) + 1);
      let c = counts.get(label);
      if (!c) counts.set(label, (c = new Map()));
      for (const f of features) {
        const w = weightOf(f);
        c.set(f, (c.get(f) ?? 0) + w);
        totals.set(label, (totals.get(label) ?? 0) + w);
        this.vocabulary.add(f);
      }
    }
    this.labels = [...docs.keys()];
    const v = this.vocabulary.size;
    // Uniform priors: the training set's class sizes say how many examples were written, not how often
    // buyers ask.
    for (const label of this.labels) {
      this.logPrior.set(label, -Math.log(this.labels.length));
      const total = totals.get(label) ?? 0;
      const ll = new Map<string, number>();
      for (const [f, n] of counts.get(label) ?? []) ll.set(f, Math.log((n + alpha) / (total + alpha * v)));
      this.logLikelihood.set(label, ll);
      this.logUnseen.set(label, Math.log(alpha / (total + alpha * v)));
    }
  }

  classify(features: readonly string[]): Posterior<L> {
    const known = features.filter((f) => this.vocabulary.has(f));
    const weightOf = this.options.weightOf ?? (() => 1);
    const scores = this.labels.map((label) => {
      const ll = this.logLikelihood.get(label)!;
      const unseen = this.logUnseen.get(label)!;
      let s = this.logPrior.get(label)!;
      for (const f of known) s += weightOf(f) * (ll.get(f) ?? unseen);
      return s;
    });
    // A temperature above 1 flattens naive Bayes' habitual overconfidence into usable probabilities.
    const t = this.options.temperature ?? 1;
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp((s - max) / t));
    const sum = exps.reduce((a, b) => a + b, 0);
    const ranked = this.labels.map((label, i) => ({ label, p: exps[i]! / sum })).sort((a, b) => b.p - a.p);
    const counted = this.options.countsForCoverage ?? (() => true);
    const all = features.filter(counted).length;
    return { ranked, coverage: all === 0 ? 0 : known.filter(counted).length / all };
  }
}
