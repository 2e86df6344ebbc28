import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRisk, detectLanguage, textRiskLevels as riskLevels, type RiskLanguage, type TextRiskLevel as RiskLevel } from './index';

type Labelled = { id: string; text: string; language: RiskLanguage; level: RiskLevel };

const testSet: Labelled[] = fs
  .readFileSync(path.join(import.meta.dirname, 'risk-test-set.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Labelled);
const predictions = testSet.map((message) => ({ ...message, predicted: classifyRisk(message.text) }));

function scores(level: RiskLevel, rows = predictions) {
  const truePositives = rows.filter((r) => r.level === level && r.predicted.level === level).length;
  const labelled = rows.filter((r) => r.level === level).length;
  const predicted = rows.filter((r) => r.predicted.level === level).length;
  return { labelled, predicted, recall: labelled ? truePositives / labelled : 1, precision: predicted ? truePositives / predicted : 1 };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

describe('risk test set', () => {
  it('holds at least 300 messages in en, uk and ru, every level, and at least 90 hard negatives', () => {
    expect(testSet.length).toBeGreaterThanOrEqual(300);
    expect(new Set(testSet.map((m) => m.id)).size).toBe(testSet.length);
    for (const language of ['en', 'uk', 'ru'] as const) {
      const own = testSet.filter((m) => m.language === language);
      expect(own.length).toBeGreaterThanOrEqual(90);
      for (const level of riskLevels) expect(own.some((m) => m.level === level)).toBe(true);
    }
    expect(testSet.filter((m) => m.id.includes('-hn-')).length).toBeGreaterThanOrEqual(90);
  });

  it('finds crisis messages (recall ≥ 0.95, precision ≥ 0.8) and never calls crisis or high "none"', () => {
    const table: Record<string, Record<string, number | string>> = {};
    for (const level of riskLevels) {
      const all = scores(level);
      table[level] = { labelled: all.labelled, predicted: all.predicted, recall: round(all.recall), precision: round(all.precision) };
    }
    for (const language of ['en', 'uk', 'ru'] as const) {
      const crisis = scores(
        'crisis',
        predictions.filter((r) => r.language === language),
      );
      table[`crisis (${language})`] = {
        labelled: crisis.labelled,
        predicted: crisis.predicted,
        recall: round(crisis.recall),
        precision: round(crisis.precision),
      };
    }
    const exact = predictions.filter((r) => r.level === r.predicted.level).length;
    // eslint-disable-next-line no-console -- the figures are the point of this test's output
    console.log(`risk classifier on ${testSet.length} labelled messages, exact level ${exact}/${testSet.length}`);
    // eslint-disable-next-line no-console
    console.table(table);

    const crisis = scores('crisis');
    expect(crisis.recall).toBeGreaterThanOrEqual(0.95);
    expect(crisis.precision).toBeGreaterThanOrEqual(0.8);
    const missed = predictions.filter((r) => (r.level === 'crisis' || r.level === 'high') && r.predicted.level === 'none');
    expect(missed.map((r) => r.id)).toEqual([]);
  });
});

const levelOf = (text: string) => classifyRisk(text).level;

describe('classifyRisk', () => {
  it('grades the guide examples', () => {
    expect(levelOf("I have the pills and I'm going to take them all tonight")).toBe('crisis');
    expect(levelOf('це прощальний лист')).toBe('crisis');
    expect(levelOf('I want to kill myself')).toBe('high');
    expect(levelOf('хочу покінчити з собою')).toBe('high');
    expect(levelOf('I cut myself again today')).toBe('high');
    expect(levelOf('I wish I could go to sleep and never wake up')).toBe('moderate');
    expect(levelOf('не бачу сенсу жити')).toBe('moderate');
    expect(levelOf('I feel hopeless')).toBe('low');
    expect(levelOf('мені дуже погано')).toBe('low');
    expect(levelOf('Can we meet on Thursday?')).toBe('none');
  });

  it('respects negation without mistaking "не хочу жити" for one', () => {
    expect(levelOf('I would never kill myself')).toBe('none');
    expect(levelOf("I don't want to die, I want this to stop hurting")).toBe('none');
    expect(levelOf('я ніколи не зроблю собі боляче')).toBe('none');
    expect(levelOf('я не хочу умирать')).toBe('none');
    expect(levelOf('Думок про самогубство немає')).toBe('none');
    expect(levelOf('не хочу жити')).toBe('high');
    expect(levelOf('Я больше не хочу жить')).toBe('high');
    expect(levelOf("I don't want to live anymore")).toBe('high');
    expect(levelOf("I don't want to live with my parents anymore")).toBe('none');
  });

  it('lowers past and third-party statements', () => {
    expect(levelOf("last year I thought about suicide but I'm fine now")).toBe('low');
    expect(levelOf('my friend tried to kill himself')).toBe('low');
    expect(levelOf('Минулого року я думала про самогубство, але зараз усе добре')).toBe('low');
    expect(levelOf('Сестра ріже себе, я дуже хвилююся')).toBe('low');
    expect(levelOf('Подруга пыталась покончить с собой')).toBe('low');
    expect(levelOf('В прошлом году я хотела умереть')).toBe('low');
    // a recent attempt stays high
    expect(levelOf('I tried to kill myself on Sunday')).toBe('high');
  });

  it('ignores idioms, films and clinical talk in each language', () => {
    expect(levelOf('this homework is killing me')).toBe('none');
    expect(levelOf('I could kill for a coffee')).toBe('none');
    expect(levelOf('watched a movie about suicide')).toBe('none');
    expect(levelOf('помираю зі сміху')).toBe('none');
    expect(levelOf('Вбити готова за каву')).toBe('none');
    expect(levelOf('умираю от скуки на паре')).toBe('none');
    expect(levelOf('смерть как хочется в отпуск')).toBe('none');
    expect(levelOf('Дивилася серіал про самогубство')).toBe('none');
  });

  it('escalates ideation to crisis with a plan, means or a time, and keeps self-harm today at high', () => {
    expect(levelOf('I want to die and I know exactly how and when')).toBe('crisis');
    expect(levelOf('Хочу умереть, таблетки уже рядом')).toBe('crisis');
    expect(levelOf('хочу вмерти сьогодні вночі')).toBe('crisis');
    expect(levelOf('Я сьогодні знову порізала руки')).toBe('high');
    expect(levelOf("I'll kill myself if this goes on")).toBe('high');
  });

  it('reads stretched letters, capitals, curly apostrophes and Latin look-alikes', () => {
    expect(levelOf('I WANT TO DIEEEE')).toBe('high');
    expect(levelOf('хочууу вмеррррти')).toBe('high');
    expect(levelOf('Я вб’ю себе сьогодні')).toBe('crisis');
    expect(levelOf('Я вбʼю себе сьогодні')).toBe('crisis');
    expect(levelOf('Я нiколи не зроблю собi боляче')).toBe('none');
    expect(levelOf('im gonna kill myself')).toBe('crisis');
  });

  it('lists the signals behind the level and never throws', () => {
    expect(classifyRisk('I have the pills and tonight I will take them all').matched).toEqual(expect.arrayContaining(['timeline:tonight']));
    expect(classifyRisk('')).toEqual({ level: 'none', language: 'unknown', matched: [] });
    expect(classifyRisk('x'.repeat(10_000)).level).toBe('none');
  });
});

describe('detectLanguage', () => {
  it('tells English, Ukrainian and Russian apart', () => {
    expect(detectLanguage('I feel hopeless today')).toBe('en');
    expect(detectLanguage('Мені дуже погано')).toBe('uk');
    expect(detectLanguage('Не хочу жити')).toBe('uk');
    expect(detectLanguage('Мне очень плохо')).toBe('ru');
    expect(detectLanguage('Не хочу жить')).toBe('ru');
    expect(detectLanguage('Это прощальное письмо')).toBe('ru');
    expect(detectLanguage('Це прощальний лист')).toBe('uk');
    expect(detectLanguage('12345 !!!')).toBe('unknown');
    expect(detectLanguage('Guten Morgen zusammen')).toBe('unknown');
  });

  it('gets the labelled language right for at least 95 % of the test set', () => {
    const right = testSet.filter((m) => detectLanguage(m.text) === m.language).length;
    expect(right / testSet.length).toBeGreaterThanOrEqual(0.95);
  });
});
