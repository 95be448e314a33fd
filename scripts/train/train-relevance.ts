// npm run train:relevance: trains the Korea–US defence relevance model on the real development
// sets (read in place from the reference material and, when present, the labelled texts of public
// repositories' mirrors; never copied) and writes its weights to
// config/topics/korea-us-defence.model.json. Deterministic: full-batch training from zero weights
// and seeded story folds, so the same sets give the same file. docs/relevance.md explains it.
import { writeFileSync } from 'node:fs';
import { modelPath } from '../../config/load-relevance-model.js';
import { DEFAULT_TOPIC, topicProfile } from '../../config/load-topics.js';
import { syllableCount } from '../../src/relevance/classify-relevance.js';
import { TRAIN_DEFAULTS } from '../../evaluation/logistic-regression.js';
import { REAL_ARTICLES_2017, REAL_TEXTS } from '../../evaluation/real-relevance-sets.js';
import { referenceMissing } from '../../evaluation/reference-material.js';
import { DIM, fitModel, prepare, realDevItems } from '../../evaluation/relevance-cv.js';

const missing =
  referenceMissing(REAL_TEXTS, 'real relevance excerpts') ?? referenceMissing(REAL_ARTICLES_2017, 'real 2017 articles');
const items = realDevItems();
if (missing || !items) {
  process.stderr.write(`train:relevance ${missing ?? 'skipped: real development sets absent'}\n`);
  process.exit(1);
}
const profile = topicProfile(DEFAULT_TOPIC);
const started = Date.now();
const prep = prepare(items, profile);
const fitted = fitModel(
  prep,
  items.map((_, i) => i),
);
// Three significant digits are plenty for a weight; zeros (buckets never trained) are left out.
const index: number[] = [];
const weight: number[] = [];
fitted.weights.forEach((w, i) => {
  if (Math.abs(w) < 1e-5) return;
  index.push(i);
  weight.push(Number(w.toPrecision(3)));
});
// The shortest training text, less a fifth: shorter stories are unlike anything the model saw.
const minSyllables = Math.floor(0.8 * Math.min(...items.map((i) => syllableCount(i.input))));
const round = (x: number): number => Number(x.toFixed(4));
const model = {
  profile: profile.name,
  about:
    'Logistic regression over hashed features (src/relevance/relevance-features.ts): the rules’ verdict, cue counts, folded syllables and syllable pairs. Written by npm run train:relevance; see docs/relevance.md.',
  dim: DIM,
  onFrom: round(fitted.onFrom),
  borderlineFrom: round(fitted.borderlineFrom),
  minSyllables,
  trained: {
    texts: items.length,
    on: items.filter((i) => i.onTopic).length,
    sets: [...new Set(items.map((i) => i.set))]
      .map((set) => `${set} ${items.filter((i) => i.set === set).length}`)
      .join(', '),
    l2: TRAIN_DEFAULTS.l2,
    epochs: TRAIN_DEFAULTS.epochs,
    learningRate: TRAIN_DEFAULTS.learningRate,
    minDocs: TRAIN_DEFAULTS.minDocs,
    weighting: 'each set alike',
  },
  index,
  weight,
};
const file = modelPath(profile.name);
writeFileSync(file, `${JSON.stringify(model)}\n`);
process.stdout.write(
  `wrote ${file}: ${index.length} weights from ${items.length} texts (${model.trained.on} ON), on from p ${model.onFrom}, borderline from ${model.borderlineFrom}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
