import { engagementScore, isQualified, totalScore } from './scoring.js';

describe('engagementScore', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 5],
    [3, 10],
    [4, 15],
    [5, 15],
    [40, 15],
  ])('%i opens score %i', (opens, points) => {
    expect(engagementScore({ opens, clicks: 0, replies: 0 })).toBe(points);
  });

  it.each([
    [0, 0],
    [1, 8],
    [2, 12],
    [9, 12],
  ])('%i clicks score %i', (clicks, points) => {
    expect(engagementScore({ opens: 0, clicks, replies: 0 })).toBe(points);
  });

  it.each([
    [0, 0],
    [1, 15],
    [2, 25],
    [7, 25],
  ])('%i replies score %i', (replies, points) => {
    expect(engagementScore({ opens: 0, clicks: 0, replies })).toBe(points);
  });

  it('adds the three parts', () => {
    expect(engagementScore({ opens: 3, clicks: 1, replies: 2 })).toBe(10 + 8 + 25);
    expect(engagementScore({ opens: 4, clicks: 2, replies: 2 })).toBe(52);
  });
});

describe('totalScore', () => {
  it('adds the base score, null counting as 0', () => {
    expect(totalScore(30, 23)).toBe(53);
    expect(totalScore(null, 23)).toBe(23);
    expect(totalScore(0, 0)).toBe(0);
  });
});

describe('isQualified', () => {
  const min = 50; // the specification's default min_score_to_qualify

  it('defaults the threshold to 50', () => expect(min).toBe(50));

  it('needs the total to reach the threshold', () => {
    expect(isQualified({ total: 49, clicks: 1, replies: 0, minScoreToQualify: min })).toBe(false);
    expect(isQualified({ total: 50, clicks: 1, replies: 0, minScoreToQualify: min })).toBe(true);
    expect(isQualified({ total: 50, clicks: 0, replies: 1, minScoreToQualify: min })).toBe(true);
  });

  it('needs a reply or a click even when the score is reached', () => {
    expect(isQualified({ total: 50, clicks: 0, replies: 0, minScoreToQualify: min })).toBe(false);
    expect(isQualified({ total: 99, clicks: 0, replies: 0, minScoreToQualify: min })).toBe(false);
  });

  it('honours a custom threshold', () => {
    expect(isQualified({ total: 60, clicks: 1, replies: 0, minScoreToQualify: 70 })).toBe(false);
    expect(isQualified({ total: 70, clicks: 1, replies: 0, minScoreToQualify: 70 })).toBe(true);
  });
});
