import type { IndicatorIdentity } from './model.js';

/** Just the naming fields of an indicator (or of a report about one). */
export function identityOf(ind: IndicatorIdentity): IndicatorIdentity {
  return {
    id: ind.id,
    name: ind.name,
    ...(ind.nameEn ? { nameEn: ind.nameEn } : {}),
    area: ind.area,
    ...(ind.main !== undefined ? { main: ind.main } : {}),
    unit: ind.unit,
    ...(ind.decimals !== undefined ? { decimals: ind.decimals } : {}),
  };
}
