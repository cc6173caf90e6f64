/** A JSON-safe deep copy: what a caller receives can never change the dataset. */
export const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
