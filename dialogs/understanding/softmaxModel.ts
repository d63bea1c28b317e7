/**
 * A multinomial logistic regression (softmax) over sparse text features, trained by stochastic gradient descent.
 * Small and exact: a few thousand labelled messages train in about a second and a message is scored in microseconds.
 */

import { seededRandom } from '../../lib/seededRandom';
import { FeatureIndex, type FeatureTable } from './featureIndex';

export interface Scored {
  label: string;
  score: number;
}

/** A trained model's numbers, for saving (see modelFile.ts): the weights stay binary, never text. */
export interface SoftmaxModelParts {
  labels: string[];
  /** The features by row; a loaded model reads it only when saved again (see modelFile.ts). */
  vocabulary: () => string[];
  /** How many features (rows) there are. */
  features: number;
  /** Where each feature's row is (featureIndex.ts), built once when the model is trained. */
  table: FeatureTable;
  /** Row-major [feature][label] weights. */
  weights: Float32Array;
  bias: number[];
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Features in fewer messages than this are left out. */
  minDocuments?: number;
  /**
   * The model kept is the average of the weights over this many final epochs (Polyak-Ruppert averaging), not the
   * weights after the last example: the last examples seen then no longer decide it, so it changes less from one
   * training to the next. 0 keeps the last weights.
   */
  averageLastEpochs?: number;
}

/**
 * @example
 * const model = SoftmaxModel.train([{ features: ['w:pill', 'w:took'], label: 'risk.overdose' }, ...]);
 * model.scores(['w:pill'])
 */
export class SoftmaxModel {
  private constructor(
    private readonly labels: string[],
    private readonly vocabulary: () => string[],
    private readonly index: FeatureIndex,
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  static train(documents: Array<{ features: string[]; label: string }>, options: TrainingOptions = {}): SoftmaxModel {
    const {
      epochs = 12,
      learningRate = 0.5,
      l2 = 1e-5,
      seed = 20261129,
      minDocuments = 1,
      averageLastEpochs = 0,
    } = options;
    const labels = [...new Set(documents.map((doc) => doc.label))].sort();
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    // A feature seen in only one message teaches little beyond that message, and would double the model's size.
    const documentCounts = new Map<string, number>();
    for (const doc of documents)
      for (const feature of new Set(doc.features)) documentCounts.set(feature, (documentCounts.get(feature) ?? 0) + 1);
    const vocabulary: string[] = [];
    const index = new Map<string, number>();
    const encoded = documents.map((doc) => {
      const ids = new Set<number>();
      for (const feature of doc.features) {
        if ((documentCounts.get(feature) ?? 0) < minDocuments) continue;
        let id = index.get(feature);
        if (id === undefined) {
          id = vocabulary.length;
          index.set(feature, id);
          vocabulary.push(feature);
        }
        ids.add(id);
      }
      return { ids: [...ids], label: labelIndex.get(doc.label)! };
    });
    const k = labels.length;
    const model = new SoftmaxModel(
      labels,
      () => vocabulary,
      FeatureIndex.build(vocabulary),
      new Float32Array(vocabulary.length * k),
      new Float64Array(k),
    );
    const random = seededRandom(seed);
    const order = encoded.map((_, i) => i);
    const probabilities = new Float64Array(k);
    // Averaging (see TrainingOptions): each change made at averaged step `step` also adds step * change to `sums`, so
    // that at the end the mean of the weights after every averaged step is the weights less sums / steps.
    const averageFrom = Math.max(0, epochs - averageLastEpochs);
    const sums = averageLastEpochs > 0 ? new Float64Array(model.weights.length) : undefined;
    const biasSums = new Float64Array(k);
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      const averaging = sums !== undefined && epoch >= averageFrom;
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rate = learningRate / (1 + epoch * 0.5);
      for (const position of order) {
        const { ids, label } = encoded[position];
        if (ids.length === 0) continue;
        const value = 1 / Math.sqrt(ids.length);
        model.probabilitiesInto(ids, value, probabilities);
        for (let c = 0; c < k; c += 1) {
          const gradient = probabilities[c] - (c === label ? 1 : 0);
          model.bias[c] -= rate * gradient;
          if (averaging) biasSums[c] -= step * rate * gradient;
          for (const id of ids) {
            const at = id * k + c;
            const change = -rate * (gradient * value + l2 * model.weights[at]);
            model.weights[at] += change;
            if (averaging) sums![at] += step * change;
          }
        }
        if (averaging) step += 1;
      }
    }
    if (sums && step > 0) {
      for (let at = 0; at < sums.length; at += 1) model.weights[at] -= sums[at] / step;
      for (let c = 0; c < k; c += 1) model.bias[c] -= biasSums[c] / step;
    }
    return model;
  }

  static fromParts(parts: SoftmaxModelParts): SoftmaxModel {
    if (parts.weights.length !== parts.features * parts.labels.length || parts.bias.length !== parts.labels.length)
      throw new Error('The model does not fit together: weights, features and labels disagree');
    const index = FeatureIndex.fromTable(parts.table, parts.features);
    return new SoftmaxModel(parts.labels, parts.vocabulary, index, parts.weights, Float64Array.from(parts.bias));
  }

  parts(): SoftmaxModelParts {
    return {
      labels: this.labels,
      vocabulary: this.vocabulary,
      features: this.weights.length / this.labels.length,
      table: this.index.saved(),
      weights: this.weights,
      bias: [...this.bias],
    };
  }

  private probabilitiesInto(ids: number[], value: number, out: Float64Array): void {
    const k = this.labels.length;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c += 1) {
      let sum = this.bias[c];
      for (const id of ids) sum += this.weights[id * k + c] * value;
      out[c] = sum;
      if (sum > max) max = sum;
    }
    let total = 0;
    for (let c = 0; c < k; c += 1) {
      out[c] = Math.exp(out[c] - max);
      total += out[c];
    }
    for (let c = 0; c < k; c += 1) out[c] /= total;
  }

  /** How many of these features the model learned anything about. */
  known(features: string[]): number {
    return features.filter((feature) => this.index.has(feature)).length;
  }

  /** Every label with its probability, best first. Features never seen in training are ignored. */
  scores(features: string[]): Scored[] {
    const found = new Set<number>();
    for (const feature of features) {
      const id = this.index.get(feature);
      if (id !== undefined) found.add(id);
    }
    const ids = [...found];
    const out = new Float64Array(this.labels.length);
    this.probabilitiesInto(ids, ids.length ? 1 / Math.sqrt(ids.length) : 0, out);
    return this.labels.map((label, i) => ({ label, score: out[i] })).sort((a, b) => b.score - a.score);
  }
}
