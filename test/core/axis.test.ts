import { describe, expect, it } from 'vitest';
import { MIN_AXIS_DAYS, domainAround, fitInside, makeDayScale, panDomain, rebin, zoomDomain } from '../../src/core/axis.ts';

const bounds = { from: 0, to: 999 };

describe('the time axis', () => {
  it('zooms in around the day under the pointer, keeping it in place', () => {
    const zoomed = zoomDomain({ from: 0, to: 999 }, 250, 0.5, bounds);
    expect(zoomed.to - zoomed.from + 1).toBe(500);
    expect((250 - zoomed.from) / (zoomed.to - zoomed.from)).toBeCloseTo(0.25, 2);
  });

  it('never zooms in past a week, nor out past the bounds', () => {
    let d = { from: 0, to: 999 };
    for (let i = 0; i < 50; i++) d = zoomDomain(d, 500, 0.5, bounds);
    expect(d.to - d.from + 1).toBe(MIN_AXIS_DAYS);
    for (let i = 0; i < 50; i++) d = zoomDomain(d, 500, 2, bounds);
    expect(d).toEqual(bounds);
  });

  it('pans without leaving the bounds', () => {
    expect(panDomain({ from: 10, to: 19 }, -50, bounds)).toEqual({ from: 0, to: 9 });
    expect(panDomain({ from: 10, to: 19 }, 5000, bounds)).toEqual({ from: 990, to: 999 });
  });

  it('frames a window with room either side', () => {
    expect(domainAround({ from: 100, to: 139 }, bounds)).toEqual({ from: 90, to: 149 });
    expect(domainAround({ from: 100, to: 100 }, bounds)).toEqual({ from: 97, to: 103 });
    expect(fitInside({ from: -5, to: 5 }, bounds)).toEqual({ from: 0, to: 10 });
  });

  it('merges daily bins into wider ones, keeping the totals', () => {
    const bins = [1, 2, 3, 4, 5].map((day) => ({ day, exact: day, possible: 1 }));
    expect(rebin(bins, 2)).toEqual([
      { day: 1, exact: 3, possible: 2 },
      { day: 3, exact: 7, possible: 2 },
      { day: 5, exact: 5, possible: 1 },
    ]);
  });

  it('lays the days across the width, each covering its share, and finds the day under a px within the axis', () => {
    const scale = makeDayScale({ from: 100, to: 109 }, 200);
    expect(scale.pxPerDay).toBe(20);
    expect([scale.x(100), scale.x(105), scale.x(110)]).toEqual([0, 100, 200]);
    expect([scale.dayAt(0), scale.dayAt(19.9), scale.dayAt(20), scale.dayAt(199.9)]).toEqual([100, 100, 101, 109]);
    expect([scale.dayAt(-50), scale.dayAt(200), scale.dayAt(5000)]).toEqual([100, 109, 109]);
  });
});
