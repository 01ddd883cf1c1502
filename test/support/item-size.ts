// DynamoDB's item size rules live with the data platform, which prices writes with them too.
export { itemSize, writeUnits } from '#platform/data/item-size.ts';
