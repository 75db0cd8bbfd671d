import { chooseTemplate } from './template-choice.js';
import type { ValidTemplate } from './template.js';

const template = (overrides: Partial<ValidTemplate>): ValidTemplate => ({
  id: 1,
  name: 't',
  description: null,
  priorityFilter: null,
  minScore: 0,
  maxScore: 100,
  declaredTotalSteps: 1,
  totalSteps: 1,
  steps: [{ step: 1, delayDays: 0, subjectTemplate: 's', bodyTemplate: 'b' }],
  enabled: true,
  stopOnReply: null,
  defaultFallback: null,
  ...overrides,
});

const names = (t: ValidTemplate | null) => t?.name ?? null;

describe('chooseTemplate', () => {
  it('returns null when nothing matches', () => {
    expect(chooseTemplate({ score: 10, priority: 'low' }, [])).toBeNull();
    expect(chooseTemplate({ score: 10, priority: 'low' }, [template({ enabled: false })])).toBeNull();
  });

  it('matches the priority filter exactly; a null filter matches any lead', () => {
    const low = template({ id: 1, name: 'low', priorityFilter: 'low' });
    const any = template({ id: 2, name: 'any' });
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [any, low]))).toBe('low');
    expect(names(chooseTemplate({ score: 10, priority: 'high' }, [any, low]))).toBe('any');
    expect(names(chooseTemplate({ score: 10, priority: 'high' }, [low]))).toBeNull();
  });

  it('gives a lead without priority only templates without filter', () => {
    const low = template({ id: 1, name: 'low', priorityFilter: 'low' });
    expect(names(chooseTemplate({ score: 10, priority: null }, [low]))).toBeNull();
    expect(names(chooseTemplate({ score: 10, priority: null }, [low, template({ id: 2, name: 'any' })]))).toBe('any');
  });

  it('needs the score within min..max inclusive, a null score counting as 0', () => {
    const band = template({ name: 'band', minScore: 10, maxScore: 20 });
    expect(names(chooseTemplate({ score: 10, priority: null }, [band]))).toBe('band');
    expect(names(chooseTemplate({ score: 20, priority: null }, [band]))).toBe('band');
    expect(names(chooseTemplate({ score: 9, priority: null }, [band]))).toBeNull();
    expect(names(chooseTemplate({ score: 21, priority: null }, [band]))).toBeNull();
    expect(names(chooseTemplate({ score: null, priority: null }, [band]))).toBeNull();
    expect(names(chooseTemplate({ score: null, priority: null }, [template({ name: 'zero', minScore: 0, maxScore: 0 })]))).toBe('zero');
  });

  it('prefers a priority filter over a narrower range', () => {
    const filtered = template({ id: 9, name: 'filtered', priorityFilter: 'low' });
    const narrow = template({ id: 1, name: 'narrow', minScore: 0, maxScore: 20 });
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [narrow, filtered]))).toBe('filtered');
  });

  it('then the narrower range, then the lower id, then the name', () => {
    const wide = template({ id: 1, name: 'wide' });
    const narrow = template({ id: 2, name: 'narrow', maxScore: 40 });
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [wide, narrow]))).toBe('narrow');
    const a = template({ id: 3, name: 'a' });
    const b = template({ id: 2, name: 'b' });
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [a, b]))).toBe('b');
    const noIdB = template({ id: null, name: 'b' });
    const noIdA = template({ id: null, name: 'a' });
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [noIdB, noIdA]))).toBe('a');
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [noIdA, template({ id: 50, name: 'z' })]))).toBe('z');
  });

  it('skips disabled templates, however specific', () => {
    const off = template({ id: 1, name: 'off', priorityFilter: 'low', enabled: false });
    expect(names(chooseTemplate({ score: 10, priority: 'low' }, [off, template({ id: 2, name: 'on' })]))).toBe('on');
  });
});
