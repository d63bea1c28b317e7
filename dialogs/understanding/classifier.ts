/**
 * A text classifier that learns from labelled examples: NLP.js word stems (English and Arabic) and letter groups,
 * scored by a softmax model. Its probabilities rise smoothly with the evidence, so one threshold can trade recall
 * against false alarms (NLP.js's own neural classifier gave near-certain scores to harmless near misses).
 */
import type { CorpusLanguage } from '../../content/understanding/corpus';
import { SoftmaxModel, type Scored, type SoftmaxModelParts, type TrainingOptions } from './softmaxModel';
import { textFeatures } from './textFeatures';

export type { Scored };

/**
 * Chosen by cross-validation (npm run eval): more epochs, a higher rate or features seen only once did not help.
 * Averaging the last 4 epochs (session 9): two trainings that saw the examples in different orders read 22 of 8,173
 * measured messages' risk differently instead of 48, and 136 first topics instead of 236.
 */
export const TRAINING: TrainingOptions = {
  epochs: 12,
  learningRate: 2,
  l2: 1e-4,
  minDocuments: 2,
  averageLastEpochs: 4,
};

/**
 * One classifier over a fixed set of labels.
 * @example const risk = Classifier.train(examples); risk.classify('i took 20 pills', 'en')
 */
export class Classifier {
  private constructor(private readonly model: SoftmaxModel) {}

  static train(examples: Array<{ text: string; label: string; language: CorpusLanguage }>): Classifier {
    return new Classifier(
      SoftmaxModel.train(
        examples.map((example) => ({ features: textFeatures(example.text, example.language), label: example.label })),
        TRAINING,
      ),
    );
  }

  static fromParts(parts: SoftmaxModelParts): Classifier {
    return new Classifier(SoftmaxModel.fromParts(parts));
  }

  parts(): SoftmaxModelParts {
    return this.model.parts();
  }

  /**
   * Every label with its probability (they add up to 1), best first, and how many of the message's words (not letter
   * groups) the model has seen: none means it is guessing. The features are worked out once for both.
   */
  read(
    text: string,
    language: CorpusLanguage,
    features = textFeatures(text, language),
  ): { scores: Scored[]; knownWords: number } {
    return {
      scores: this.model.scores(features),
      knownWords: this.model.known(features.filter((feature) => feature.startsWith('w:'))),
    };
  }

  /**
   * Every label with its probability (they add up to 1), best first. Pass the text's features when another model
   * already worked them out for the same text.
   */
  classify(text: string, language: CorpusLanguage, features = textFeatures(text, language)): Scored[] {
    return this.model.scores(features);
  }
}
