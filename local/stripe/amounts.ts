/**
 * An amount in minor units as Stripe writes it in error messages (`$20.00`, `€10.00`, `¥1,000`): the
 * currency's own number of decimals, so a zero-decimal currency is not divided by 100.
 */
export const displayAmount = (minorUnits: number, currency: string): string => {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** decimals);
};
