// The fields that name an indicator wherever the report lists it.
export interface IndicatorIdentity {
  id: string;
  name: string;
  nameEn?: string;
  area: string;
  main?: number;
  unit: string;
}

export function identityOf(ind: IndicatorIdentity): IndicatorIdentity {
  return {
    id: ind.id,
    name: ind.name,
    ...(ind.nameEn ? { nameEn: ind.nameEn } : {}),
    area: ind.area,
    ...(ind.main !== undefined ? { main: ind.main } : {}),
    unit: ind.unit,
  };
}
