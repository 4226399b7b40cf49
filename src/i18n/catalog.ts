// A catalog: message code → its words in each language, a template with {param}s.
// Its own file, so that each layer's catalog (./cli.ts, ./ingest.ts …) and the lookup
// that merges them (./index.ts) both depend on it, not on each other.

export type Lang = 'zh' | 'en';
export type Catalog = Record<string, { zh: string; en: string }>;
