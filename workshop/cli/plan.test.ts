import { describe, expect, it } from 'vitest';
import { exerciseIds } from '../catalog.js';
import { chooseWatchMode } from './file-watcher.js';
import { formatSlides } from './exercise.js';
import { en } from './messages/en.js';
import { ja } from './messages/ja.js';
import { plan } from './plan.js';

describe('the plan of twelve (list --all)', () => {
  it('has every exercise of the kit under the same id', () => {
    for (const id of exerciseIds())
      expect(plan.map((entry) => entry.id), `exercises/${id} is not in workshop/cli/plan.ts`).toContain(id);
  });

  it('numbers them 01 to 12', () => {
    expect(plan.map((entry) => entry.id.slice(0, 2))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
  });
});

describe('formatSlides', () => {
  it.each([
    [[7], 'slide 7'],
    [[3, 9], 'slides 3, 9'],
    [[15, 16], 'slides 15, 16'],
    [[11, 12, 13, 14], 'slides 11–14'],
    [[2, 11, 12, 13], 'slides 2, 11–13'],
  ])('%j → %s', (slides, text) => {
    expect(formatSlides(slides, en)).toBe(text);
  });

  it('in Japanese', () => {
    expect(formatSlides([11, 12, 13, 14], ja)).toBe('スライド 11–14');
  });
});

describe('chooseWatchMode', () => {
  it.each([
    [true, {}, { polling: true, reason: 'flag' }],
    [false, { WORKSHOP_POLL: '1' }, { polling: true, reason: 'env' }],
  ])('--poll %s with %j polls', (flag, env, mode) => {
    expect(chooseWatchMode(flag, env)).toEqual(mode);
  });

  it('WORKSHOP_POLL=0 does not force polling', () => {
    expect(chooseWatchMode(false, { WORKSHOP_POLL: '0' })).not.toEqual({ polling: true, reason: 'env' });
  });
});
