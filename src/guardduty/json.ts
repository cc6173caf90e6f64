/**
 * Request bodies are parsed once, strictly: a key that appears twice in one object is refused,
 * because JSON.parse keeps the last value while the aws source forwards the original bytes, and
 * GuardDuty might read the first. What is validated must be what is forwarded.
 */
import { invalidInput } from './errors';

/** The first key repeated within one object, with the path of that object; the text must be valid JSON. */
export function findDuplicateKey(text: string): string | undefined {
  interface Frame { object: boolean; keys: Set<string>; expectKey: boolean; path: string; lastKey: string }
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.object && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return top.path ? `${top.path}.${key}` : key;
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const path = !top ? '' : top.object ? (top.path ? `${top.path}.${top.lastKey}` : top.lastKey) : `${top.path}[]`;
      stack.push({ object: c === '{', keys: new Set(), expectKey: c === '{', path, lastKey: '' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top?.object) {
      top.expectKey = true;
    }
  }
  return undefined;
}

/** Parses a request body that must be a JSON object (an empty body is `{}`), or throws InvalidInputException. */
export function parseJsonObject(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidInput('The request is rejected: the body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidInput('The request is rejected: the body must be a JSON object.');
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) throw invalidInput(`The request is rejected: the key '${duplicate}' appears more than once.`);
  return body as Record<string, unknown>;
}
