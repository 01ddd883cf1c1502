/**
 * An amount in minor units as Stripe writes it in error messages (`$20.00`, `€10.00`, `¥1,000`): the
 * currency's own number of decimals, so a zero-decimal currency is not divided by 100.
 */
export const displayAmount = (minorUnits: number, currency: string): string => {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** decimals);
};

/**
 * Stripe's smallest charge per presentment currency, in minor units, as its currencies page lists them
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). A currency it does not list
 * takes the settlement currency's minimum, converted at the day's rate; the emulator fixes KWD (the one
 * such currency the store prices in) at 0.200, the figure the store's own table refuses below. Other
 * unlisted currencies accept any positive amount here.
 */
export const MINIMUM_CHARGES: Readonly<Record<string, number>> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  kwd: 200,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};
