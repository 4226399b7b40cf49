// The years a return or a plan may name: a year outside is a typo (20230, 99999), never read.
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;
