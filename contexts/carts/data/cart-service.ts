import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { ChannelResolver } from '#contexts/channels/data/channel-resolver.ts';
import type { Channel } from '#contexts/channels/domain/schemas.ts';
import { locationsOf } from '#contexts/channels/domain/scope.ts';
import { PriceListRepository } from '#contexts/pricing/data/price-list-repository.ts';
import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { CartTotals } from '#contexts/pricing/domain/totals-schemas.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type CartCaller, ownsCart } from '../domain/cart-caller.ts';
import { assertOpen, newCart, touched } from '../domain/changes.ts';
import { assertCartChannel, assertChannelCurrency } from '../domain/channel.ts';
import { adopt, merge } from '../domain/claim.ts';
import { priceAndShow } from '../domain/pricing.ts';
import type { CatalogVariant, PricingSnapshot, StoreWide } from '../domain/pricing-snapshot.ts';
import type { Cart, CartRecord } from '../domain/schemas.ts';
import { hashCartToken, newCartToken } from '../domain/token.ts';
import { CART_CREATED_VERSION, CARTS_SOURCE } from '../events.ts';
import { findOpenCart } from './lookups.ts';
import { loadSnapshot } from './snapshot.ts';
import { CartStore } from './store.ts';

/** A cart priced for the caller, with the engine's full figures for callers that need them (checkout). */
export interface PricedCart {
  readonly record: CartRecord;
  readonly cart: Cart;
  readonly totals: CartTotals;
  /** What it was priced with (checkout takes the promotions and the option's name from it). */
  readonly snapshot: PricingSnapshot;
  /** The cart's channel, as the caller's publishable key resolved it (checkout sources from its locations). */
  readonly channel: Channel;
}

/** One change to a cart. `apply` is pure and throws a typed error to refuse the change. */
export interface CartChange<T> {
  /** Reads the change needs, made in the same round trip as the cart's own. */
  readonly lookup?: () => Promise<T>;
  readonly apply: (cart: CartRecord, found: T, now: Date) => CartRecord;
  /** Variants the lookup already read (pricing does not read them again). */
  readonly known?: (found: T) => readonly CatalogVariant[];
  /** Set when the change can only be judged once priced (a code): priced first, then saved or refused. */
  readonly verify?: (priced: PricedCart, found: T) => void;
  /** Set when what is saved depends on the price (a line's price when added): priced first, then saved. */
  readonly settle?: (cart: CartRecord, snapshot: PricingSnapshot, now: Date) => CartRecord;
  /**
   * Told how the change ended once its lookup is done: `error` undefined when it is being saved (told
   * beside the save, not after it). A code attempt's counter learns here whether to keep its slot.
   */
  readonly ended?: (found: T, error?: unknown) => Promise<void>;
}

// The same answer for a cart that does not exist, expired, or is someone else's: existence is not revealed.
const notFound = (cartId: string) => new NotFoundError(`Cart ${cartId} does not exist`, 'cart_not_found');

const running = (p: Promotion, now: Date) =>
  (p.startsAt === undefined || Date.parse(p.startsAt) <= now.getTime()) &&
  (p.endsAt === undefined || now.getTime() < Date.parse(p.endsAt));

/**
 * The cart use cases. Reads take two round trips whatever the line count: the cart with the automatic
 * promotions, then one BatchGetItem of everything its price depends on. A change computed from the cart
 * is saved in the second round trip, beside that read, conditional on the version it was computed from.
 */
export class CartService {
  readonly #table: string;
  readonly #store: CartStore;
  readonly #promotions: PromotionRepository;
  readonly #priceLists: PriceListRepository;
  readonly #channels: ChannelResolver;

  constructor(table: string) {
    this.#table = table;
    this.#store = new CartStore(table);
    this.#promotions = new PromotionRepository(table);
    this.#priceLists = new PriceListRepository(table);
    this.#channels = new ChannelResolver(table);
  }

  /** Starts a cart; a guest gets the token (shown once) that proves ownership from then on. */
  async create(
    input: { currency: CurrencyCode; email?: string },
    caller: CartCaller,
    now = new Date(),
  ): Promise<PricedCart & { token: string | null }> {
    const channel = await this.#channels.resolve(caller.publishableKey);
    assertChannelCurrency(channel, input.currency);
    const token = caller.customerId ? null : newCartToken();
    const record = newCart({
      ...input,
      channelId: channel.id,
      ...(caller.customerId ? { customerId: caller.customerId } : { tokenHash: hashCartToken(token!) }),
      now,
    });
    const event = outboxItem(
      CARTS_SOURCE,
      'CartCreated',
      { cartId: record.id, currency: record.currency, customerId: record.customerId, channelId: channel.id },
      now,
      CART_CREATED_VERSION,
    );
    const [, storeWide] = await Promise.all([
      this.#store.create(record, [{ Put: { TableName: this.#table, Item: event } }]),
      this.#storeWide(now),
    ]);
    return { ...(await this.#price(record, channel, storeWide, [], now)), token };
  }

  /** A cart its caller owns, repriced from current data (404 for anyone else). */
  async read(cartId: string, caller: CartCaller, now = new Date()): Promise<PricedCart> {
    const [found, storeWide, channel] = await Promise.all([
      this.#store.get(cartId, now),
      this.#storeWide(now),
      this.#channels.resolve(caller.publishableKey),
    ]);
    return this.#price(this.#owned(cartId, found, caller, channel), channel, storeWide, [], now);
  }

  /** Applies one change to an open cart the caller owns and answers the repriced cart. */
  async change<T>(
    cartId: string,
    caller: CartCaller,
    change: CartChange<T>,
    now = new Date(),
  ): Promise<PricedCart> {
    const [found, storeWide, extra, channel] = await Promise.all([
      this.#store.get(cartId, now),
      this.#storeWide(now),
      change.lookup ? change.lookup() : (undefined as T),
      this.#channels.resolve(caller.publishableKey),
    ]);
    // Told once: a save that fails after the change was judged good must not tell it a second time.
    let told = false;
    const tell = async (error?: unknown) => {
      if (told || !change.ended) return;
      told = true;
      await change.ended(extra, error);
    };
    try {
      return await this.#apply(cartId, caller, change, { found, storeWide, extra, channel, tell }, now);
    } catch (error) {
      await tell(error);
      throw error;
    }
  }

  async #apply<T>(
    cartId: string,
    caller: CartCaller,
    change: CartChange<T>,
    read: {
      found: CartRecord | undefined;
      storeWide: StoreWide;
      extra: T;
      channel: Channel;
      tell: (error?: unknown) => Promise<void>;
    },
    now: Date,
  ): Promise<PricedCart> {
    const { storeWide, extra, channel, tell } = read;
    const cart = this.#owned(cartId, read.found, caller, channel);
    assertOpen(cart);
    const next = touched(change.apply(cart, extra, now), now);
    const known = change.known?.(extra) ?? [];
    if (!change.verify && !change.settle) {
      const [snapshot] = await Promise.all([
        this.#snapshot(next, channel, storeWide, known),
        this.#store.save(next),
        tell(),
      ]);
      return this.#shown(next, snapshot, channel, now);
    }
    // One more round trip: the save waits for the price it records or the verdict it needs.
    const snapshot = await this.#snapshot(next, channel, storeWide, known);
    const record = change.settle ? change.settle(next, snapshot, now) : next;
    const priced = this.#shown(record, snapshot, channel, now);
    change.verify?.(priced, extra);
    await Promise.all([this.#store.save(record), tell()]);
    return priced;
  }

  /**
   * Gives a guest cart (proved by its token) to the signed-in customer: merged into their most recent open
   * cart in the same currency and channel when they have one (the guest cart then closes), else the guest
   * cart becomes theirs. Claiming a cart that is already the caller's answers it unchanged.
   */
  async claim(
    cartId: string,
    customerId: string,
    token: string | undefined,
    now = new Date(),
    publishableKey?: string,
  ): Promise<PricedCart> {
    const [guest, storeWide, channel] = await Promise.all([
      this.#store.get(cartId, now),
      this.#storeWide(now),
      this.#channels.resolve(publishableKey),
    ]);
    if (guest?.customerId === customerId)
      return this.#price(this.#owned(cartId, guest, { customerId }, channel), channel, storeWide, [], now);
    const cart = this.#owned(cartId, guest, { token }, channel);
    assertOpen(cart);
    const target = await findOpenCart(this.#table, customerId, cart.currency, cart.id, cart.channelId);
    if (!target) {
      const adopted = adopt(cart, customerId, now);
      const [priced] = await Promise.all([
        this.#price(adopted, channel, storeWide, [], now),
        this.#store.save(adopted),
      ]);
      return priced;
    }
    const merged = merge(target, cart, now);
    const [priced] = await Promise.all([
      this.#price(merged.target, channel, storeWide, [], now),
      this.#store.saveAll([merged.target, merged.guest]),
    ]);
    return priced;
  }

  /** The snapshot a cart is priced with (for callers that price it other ways, like shipping quotes). */
  async snapshotFor(
    cartId: string,
    caller: CartCaller,
    now = new Date(),
  ): Promise<{ record: CartRecord; snapshot: PricingSnapshot }> {
    const [found, storeWide, channel] = await Promise.all([
      this.#store.get(cartId, now),
      this.#storeWide(now),
      this.#channels.resolve(caller.publishableKey),
    ]);
    const record = this.#owned(cartId, found, caller, channel);
    return { record, snapshot: await this.#snapshot(record, channel, storeWide, []) };
  }

  /** The cart if the caller owns it (404 otherwise) and uses its channel's key (403 otherwise). */
  #owned(cartId: string, cart: CartRecord | undefined, caller: CartCaller, channel: Channel): CartRecord {
    if (!cart || !ownsCart(cart, caller)) throw notFound(cartId);
    assertCartChannel(cart, channel);
    return cart;
  }

  /** What applies store-wide, read beside the cart: running automatic promotions and active price lists. */
  async #storeWide(now: Date): Promise<StoreWide> {
    const [automatic, priceLists] = await Promise.all([
      this.#promotions.automatic(),
      this.#priceLists.active(),
    ]);
    return { automatic: automatic.filter((p) => running(p, now)), priceLists };
  }

  #snapshot(cart: CartRecord, channel: Channel, storeWide: StoreWide, known: readonly CatalogVariant[]) {
    const locationIds = locationsOf(channel);
    return loadSnapshot(this.#table, {
      cart,
      customerId: cart.customerId,
      ...storeWide,
      known,
      ...(locationIds ? { locationIds } : {}),
    });
  }

  async #price(
    cart: CartRecord,
    channel: Channel,
    storeWide: StoreWide,
    known: readonly CatalogVariant[],
    now: Date,
  ): Promise<PricedCart> {
    return this.#shown(cart, await this.#snapshot(cart, channel, storeWide, known), channel, now);
  }

  #shown(cart: CartRecord, snapshot: PricingSnapshot, channel: Channel, now: Date): PricedCart {
    return {
      record: cart,
      snapshot,
      channel,
      ...priceAndShow(cart, snapshot, cart.customerId !== undefined, now),
    };
  }
}
