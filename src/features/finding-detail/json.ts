/** Reading the loosely typed JSON of newer finding families: what is there, never what should be. */

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The objects of an array (anything else in it is left to the generic view). */
export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** A non-empty string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
