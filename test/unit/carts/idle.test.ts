import { describe, expect, it } from 'vitest';
import { newCart, setEmail, touched } from '#contexts/carts/domain/changes.ts';
import { abandonable, armed, idleVerdict, needsIdleMarker } from '#contexts/carts/domain/idle.ts';
import type { CartRecord } from '#contexts/carts/domain/schemas.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const withEmail = (): CartRecord =>
  setEmail(newCart({ currency: 'EUR', tokenHash: 'a'.repeat(64), now: t0 }), 'a@example.com');

describe('idle markers', () => {
  it('arms a cart once it is open with an e-mail, and not again while it stays so', () => {
    const bare = newCart({ currency: 'EUR', tokenHash: 'a'.repeat(64), now: t0 });
    expect(needsIdleMarker(bare)).toBe(false);
    const first = touched(setEmail(bare, 'a@example.com'), later(1));
    expect(needsIdleMarker(first)).toBe(true);
    const saved = armed(first);
    expect(saved.armedAt).toBe(later(1).toISOString());
    // Later changes keep the marker of this idle spell.
    const edited = touched(touched(saved, later(2)), later(3));
    expect(edited.armedAt).toBe(saved.armedAt);
    expect(needsIdleMarker(edited)).toBe(false);
  });

  it('arms again after a report: the next change starts a new idle spell', () => {
    const reported: CartRecord = { ...withEmail(), abandonedAt: later(70).toISOString() };
    expect(abandonable(reported)).toBe(false);
    // A report removes the spent marker's time; even a record that kept it is armed anew.
    const back = touched({ ...reported, armedAt: t0.toISOString() }, later(90));
    expect(back.abandonedAt).toBeUndefined();
    expect(back.armedAt).toBeUndefined();
    expect(needsIdleMarker(back)).toBe(true);
  });

  it.each([
    ['a cart gone or expired', undefined, 'leave'],
    ['a closed cart', { ...withEmail(), status: 'checked_out' as const }, 'leave'],
    ['a merged cart', { ...withEmail(), status: 'merged' as const }, 'leave'],
    ['a cart without an e-mail', newCart({ currency: 'EUR', tokenHash: 'b'.repeat(64), now: t0 }), 'leave'],
    ['a cart already reported', { ...withEmail(), abandonedAt: later(61).toISOString() }, 'leave'],
    ['a cart unchanged since before the cutoff', withEmail(), 'report'],
    ['a cart changed after the cutoff', { ...withEmail(), updatedAt: later(30).toISOString() }, 'rearm'],
  ])('decides what to do with the marker of %s', (_, cart, verdict) => {
    expect(idleVerdict(cart, later(10).toISOString())).toBe(verdict);
  });
});
