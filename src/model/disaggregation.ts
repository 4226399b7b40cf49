// The disaggregations a value is given for: by sex and by residence, each with its
// total. A return's rows carry them and a plan's split targets name their parts, so
// they belong to neither: the plan (src/plan/model.ts) takes them from here.

export type Sex = 'total' | 'male' | 'female';
export type Residence = 'total' | 'urban' | 'rural';
