/** Seeded generators of realistic memory entries and queries (see corpus.js). */
export function rng(seed: number): <T>(list: readonly T[]) => T;
export function makeFacts(n: number, seed?: number): string[];
export function makeQueries(n: number, seed?: number): string[];
export function percentiles(samples: number[]): { n: number; p50: number; p90: number; p99: number; max: number };
