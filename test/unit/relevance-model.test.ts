// The learned relevance model: its data file, how the product uses it, and the pieces that train
// and cross-validate it. Needs no reference material (texts here are this project's own).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath, parseRelevanceModel, relevanceModel } from '../../config/load-relevance-model.js';
import { ConfigError } from '../../config/errors.js';
import { trainLogistic, predict, TRAIN_DEFAULTS, type Example } from '../../evaluation/logistic-regression.js';
import { fitModel, trainingExamples, TRAIN_GRID, type Prepared } from '../../evaluation/relevance-cv.js';
import { chooseThresholds } from '../../evaluation/relevance-thresholds.js';
import { storyFolds, storyGroups } from '../../evaluation/story-folds.js';
import { classifyRelevance } from '../../src/relevance/classify-relevance.js';
import { explainRelevance } from '../../src/relevance/explain-relevance.js';

const drill =
  'Bộ Quốc phòng Hàn Quốc cho biết quân đội Hàn Quốc và Mỹ sẽ tiến hành cuộc tập trận chung Lá chắn tự do Ulchi vào tháng tới với sự tham gia của hàng chục nghìn binh sĩ. ' +
  'Lực lượng Mỹ tại Hàn Quốc (USFK) cho biết các cuộc diễn tập nhằm tăng cường khả năng phòng thủ chung của liên minh trước các mối đe dọa từ Triều Tiên. ' +
  'Bình Nhưỡng thường lên án các cuộc tập trận này và gọi đó là sự chuẩn bị cho một cuộc xâm lược. ' +
  'Năm nay, hai nước dự kiến bổ sung các bài diễn tập đối phó với tên lửa và máy bay không người lái.';
const article = (title: string, body: string) => ({ title, lead: null, body: [body] });

describe('the shipped model file', () => {
  const file = modelPath('korea-us-defence');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

  it('holds numbers only: hashed buckets and weights, no words', () => {
    expect(Array.isArray(raw.index) && (raw.index as unknown[]).every((x) => Number.isInteger(x))).toBe(true);
    expect((raw.weight as unknown[]).every((x) => typeof x === 'number')).toBe(true);
    expect((raw.index as number[]).length).toBeGreaterThan(1000);
    const strings = JSON.stringify(raw, (k, v: unknown) => (k === 'index' || k === 'weight' ? undefined : v));
    expect(strings.length).toBeLessThan(2000);
  });

  it('loads, with thresholds in order, and a bad file fails naming it', () => {
    const m = relevanceModel('korea-us-defence')!;
    expect(m.borderlineFrom).toBeLessThanOrEqual(m.onFrom);
    expect(() => parseRelevanceModel('{"dim": 4}', 'x.model.json')).toThrow(ConfigError);
    expect(() => parseRelevanceModel('{"dim": 4}', 'x.model.json')).toThrow(/x\.model\.json/);
  });
});

describe('classifyRelevance with the model', () => {
  it('judges a whole article by the model and says which features decided', () => {
    const r = classifyRelevance(article('Hàn Quốc và Mỹ chuẩn bị tập trận chung mùa hè', drill));
    expect(r.learned).toBeDefined();
    expect(r.verdict).toBe('on');
    expect(r.learned!.features.length).toBeGreaterThan(0);
    expect(r.reason).toMatch(/^on topic \(p /);
    const text = explainRelevance(article('Hàn Quốc và Mỹ chuẩn bị tập trận chung mùa hè', drill), [
      'korea-us-defence',
    ]);
    expect(text).toMatch(/features that decided/);
    expect(text).toMatch(/rules: score/);
  });

  it('leaves a headline alone to the rules (shorter than anything the model learned from)', () => {
    const r = classifyRelevance({ title: 'Mỹ và Hàn Quốc tập trận chung', lead: null, body: [] });
    expect(r.learned).toBeUndefined();
    expect(r.verdict).toBe('on');
  });

  it('an off decision keeps its reason and score', () => {
    const r = classifyRelevance(
      article(
        'Giá rau xanh tăng mạnh sau mưa lớn',
        'Tại các chợ đầu mối, giá nhiều loại rau xanh đã tăng gấp đôi so với tuần trước do mưa lớn kéo dài làm ngập nhiều vùng trồng rau. '.repeat(
          4,
        ),
      ),
    );
    expect(r.learned).toBeDefined();
    expect(r.verdict).toBe('off');
    // The stated comparison is true (it once read "p 0.046 < 0.0399").
    const [, p, op, floor] = /^off topic \(p ([\d.]+) (<|≥) ([\d.]+)[^)]*\); rules: off/.exec(r.reason) ?? [];
    expect(op === '<' ? Number(p) < Number(floor) : Number(p) >= Number(floor)).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.learned!.features.length).toBeGreaterThan(0);
  });

  it('an off decision the rules hold says so, never a false "p < threshold"', () => {
    // Thresholds moved so the model's p is above the borderline floor: only the rules' gate keeps
    // this text off (neither ally named). The reason used to say "p 0.051 < 0.0399" then.
    const model = { ...relevanceModel('korea-us-defence')!, borderlineFrom: 0, onFrom: 1.01 };
    const veg = 'Tại các chợ đầu mối, giá nhiều loại rau xanh đã tăng gấp đôi so với tuần trước do mưa lớn. ';
    const r = classifyRelevance(article('Giá rau xanh tăng mạnh sau mưa lớn', veg.repeat(4)), 'korea-us-defence', {
      model,
    });
    expect(r.verdict).toBe('off');
    expect(r.reason).toMatch(/^off topic \(p [\d.]+ ≥ 0, held off by the rules\); rules: off/);
  });
});

describe('training and cross-validation pieces', () => {
  const toy = (n: number): Example[] =>
    Array.from({ length: n }, (_, i) => ({
      index: [0, 1 + (i % 2), 3 + (i % 5)],
      value: [1, 1, 0.5],
      label: i % 2 === 0,
    }));

  it('trains deterministically and learns a separable problem', () => {
    const a = trainLogistic(toy(40), 16);
    const b = trainLogistic(toy(40), 16);
    expect([...a]).toEqual([...b]);
    expect(predict(a, { index: [0, 1], value: [1, 1] })).toBeGreaterThan(0.8);
    expect(predict(a, { index: [0, 2], value: [1, 1] })).toBeLessThan(0.2);
  });

  it('an example weighing k trains as k copies of it would', () => {
    const opts = { l2: 1e-3, epochs: 60, learningRate: 0.05, minDocs: 1 };
    const base = toy(12);
    const copied = trainLogistic([...base, base[3]!, base[3]!, base[4]!], 16, opts);
    const weighted = trainLogistic(
      base.map((e, i) => ({ ...e, weight: i === 3 ? 3 : i === 4 ? 2 : 1 })),
      16,
      opts,
    );
    copied.forEach((w, i) => expect(weighted[i]).toBeCloseTo(w, 9));
    // and the weight matters: the same examples unweighted train otherwise
    const plain = trainLogistic(base, 16, opts);
    expect([...plain].some((w, i) => Math.abs(w - copied[i]!) > 1e-4)).toBe(true);
  });

  it('weighs each development set alike, whatever its size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('excerpts', 'articles', 'vietnews'), { minLength: 1, maxLength: 60 }),
        (sets) => {
          const prep = {
            items: sets.map((set, i) => ({ id: String(i), set, onTopic: i % 2 === 0 })),
            examples: sets.map((_, i) => ({ index: [0], value: [1], label: i % 2 === 0 })),
          } as unknown as Prepared;
          const subset = sets.map((_, i) => i).filter((i) => i % 3 !== 1 || sets.length < 3);
          const ex = trainingExamples(prep, subset);
          const bySet = new Map<string, number>();
          subset.forEach((i, k) => bySet.set(sets[i]!, (bySet.get(sets[i]!) ?? 0) + ex[k]!.weight!));
          for (const w of bySet.values()) expect(w).toBeCloseTo(subset.length / bySet.size, 9);
        },
      ),
    );
  });

  it('a shorter training run is a snapshot of a longer one (so a nested choice of epochs trains once)', () => {
    const ex: Example[] = Array.from({ length: 30 }, (_, i) => ({
      index: [i % 7, 7 + (i % 3)],
      value: [1, 0.5],
      label: i % 7 < 3,
    }));
    let at20: Float64Array | null = null;
    trainLogistic(ex, 16, { ...TRAIN_DEFAULTS, epochs: 40 }, (t, w) => {
      if (t === 20) at20 = Float64Array.from(w);
    });
    expect([...at20!]).toEqual([...trainLogistic(ex, 16, { ...TRAIN_DEFAULTS, epochs: 20 })]);
  });

  it('a nested choice keeps the grid setting the inner cross-validation scores best', () => {
    // Noisy labels on one feature, a clean signal on another: settings differ in held-out F1.
    const n = 60;
    const prep = {
      items: Array.from({ length: n }, (_, i) => ({ id: String(i), set: i % 2 ? 'a' : 'b', onTopic: i % 3 === 0 })),
      examples: Array.from({ length: n }, (_, i) => ({
        index: [0, i % 3 === 0 ? 1 : 2, 3 + (i % 11)],
        value: [1, i % 5 === 0 ? 0.1 : 1, 1],
        label: i % 3 === 0,
      })),
      pairNamed: Array.from({ length: n }, () => true),
      groups: Array.from({ length: n }, (_, i) => i),
    } as unknown as Prepared;
    const subset = Array.from({ length: n }, (_, i) => i);
    const grid = TRAIN_GRID.slice(0, 4).map((o) => ({ ...o, epochs: o.epochs / 10 }));
    const nested = fitModel(prep, subset, grid);
    const alone = grid.map((o) => fitModel(prep, subset, [o]));
    expect(grid).toContainEqual(nested.opts);
    expect(nested.score).toBeCloseTo(Math.max(...alone.map((a) => a.score)), 12);
    const same = alone[grid.indexOf(nested.opts)]!;
    expect([...nested.weights]).toEqual([...same.weights]);
    expect(nested.onFrom).toBe(same.onFrom);
  });

  it('puts texts of one story in one group and one fold', () => {
    const story =
      'quân đội hai nước sẽ tiến hành tập trận chung quy mô lớn vào tuần tới tại khu vực biên giới phía bắc';
    const texts = [
      story,
      `Tin mới: ${story}`,
      'giá vàng hôm nay tăng nhẹ theo xu hướng thế giới trong phiên sáng nay',
      story.split(' ').reverse().join(' '),
    ];
    const g = storyGroups(texts);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).not.toBe(g[0]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 2, max: 6 }),
        (groups, k) => {
          const folds = storyFolds(
            groups,
            groups.map((x) => x % 3 === 0),
            k,
          );
          groups.forEach((gi, i) => groups.forEach((gj, j) => gi === gj && expect(folds[i]).toBe(folds[j])));
          expect(folds.every((f) => f >= 0 && f < k)).toBe(true);
        },
      ),
    );
  });

  it('chooses the threshold for every development set alike, not for the most numerous one', () => {
    // A large easy set is indifferent between 0.3 and 0.7; a small set needs 0.7 (its OFF texts sit
    // at 0.5). Pooled, the large set's one ON text at 0.45 outvotes the small set's two OFF ones.
    const big = Array.from({ length: 40 }, (_, i) => ({ p: i < 20 ? 0.9 : 0.1, on: i < 20, set: 'big' }));
    big.push({ p: 0.45, on: true, set: 'big' }, { p: 0.44, on: true, set: 'big' }, { p: 0.46, on: true, set: 'big' });
    const small = [
      { p: 0.8, on: true, set: 'small' },
      { p: 0.85, on: true, set: 'small' },
      { p: 0.5, on: false, set: 'small' },
      { p: 0.52, on: false, set: 'small' },
    ];
    const all = [...big, ...small];
    const pooled = chooseThresholds(
      all.map((x) => x.p),
      all.map((x) => x.on),
    );
    const perSet = chooseThresholds(
      all.map((x) => x.p),
      all.map((x) => x.on),
      all.map((x) => x.set),
    );
    expect(pooled.onFrom).toBeLessThan(0.44);
    expect(perSet.onFrom).toBeGreaterThan(0.52);
  });

  it('sizes the borderline band so that held-out ON texts are kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 4, maxLength: 80 }),
        (xs) => {
          const prob = xs.map((x) => x[0]);
          const labels = xs.map((x) => x[1]);
          const t = chooseThresholds(prob, labels);
          expect(t.borderlineFrom).toBeLessThanOrEqual(t.onFrom);
          const on = prob.filter((_, i) => labels[i]);
          const kept = on.filter((p) => p >= t.borderlineFrom).length;
          expect(kept).toBeGreaterThanOrEqual(Math.ceil(0.995 * on.length) - (on.length >= 200 ? 1 : 0));
        },
      ),
    );
  });
});
