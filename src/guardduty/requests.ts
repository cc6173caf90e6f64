/**
 * Request schemas for the five operations the dashboard offers, after the GetFindings reference
 * and the wire facts in DESIGN.md. The server validates with these before anything reaches AWS;
 * the emulator validates with the same schemas, so the two cannot drift apart.
 */
import { z } from 'zod';
import { invalidInput, type ApiError } from './errors';
import { FILTER_ATTRIBUTES, TIMESTAMP_FILTER_ATTRIBUTES } from './filter-attributes';
import { SORT_ATTRIBUTE_NAMES } from './sort';

const FILTER_SET = new Set(FILTER_ATTRIBUTES);
export const TIMESTAMP_FILTERS = new Set(TIMESTAMP_FILTER_ATTRIBUTES);

/** Real detector ids are 32 hex characters; the model allows 1–300, and the path must stay one segment. */
export const detectorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{1,300}$/, 'detectorId must be 1 to 300 letters and digits');

const stringList = z.array(z.string().max(512, 'values are at most 512 characters')).max(50, 'at most 50 values');
const long = z.number().int('must be an integer (epoch milliseconds for timestamps)');

/**
 * One condition per attribute. GuardDuty accepts the short operators (eq, neq, gt, gte, lt, lte)
 * and the long ones (equals, notEquals, greaterThan, …, matches, notMatches).
 */
export const conditionSchema = z
  .strictObject({
    eq: stringList.optional(),
    neq: stringList.optional(),
    gt: long.optional(),
    gte: long.optional(),
    lt: long.optional(),
    lte: long.optional(),
    equals: stringList.optional(),
    notEquals: stringList.optional(),
    greaterThan: long.optional(),
    greaterThanOrEqual: long.optional(),
    lessThan: long.optional(),
    lessThanOrEqual: long.optional(),
    matches: stringList.optional(),
    notMatches: stringList.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'a condition needs at least one operator');

export type Condition = z.infer<typeof conditionSchema>;

export const findingCriteriaSchema = z.strictObject({
  criterion: z
    // The keys are checked as received: a parsed record silently drops `__proto__`, which must be refused, not ignored.
    .preprocess((criterion, ctx) => {
      if (criterion === null || typeof criterion !== 'object' || Array.isArray(criterion)) return criterion;
      for (const key of Object.keys(criterion)) {
        if (!FILTER_SET.has(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `'${key}' is not an attribute GuardDuty accepts in findingCriteria`, input: criterion });
        }
      }
      if (Object.keys(criterion).length > 50) ctx.addIssue({ code: 'custom', message: 'at most 50 criteria', input: criterion });
      return criterion;
    }, z.record(z.string(), conditionSchema))
    .optional(),
});

export type FindingCriteria = z.infer<typeof findingCriteriaSchema>;

export const sortCriteriaSchema = z.strictObject({
  attributeName: z.string().refine((n) => SORT_ATTRIBUTE_NAMES.includes(n), {
    message: `must be one of the documented sort attributes: ${SORT_ATTRIBUTE_NAMES.join(', ')}`,
  }),
  orderBy: z.enum(['ASC', 'DESC'], { message: "must be 'ASC' or 'DESC'" }).optional(),
});

export type SortCriteria = z.infer<typeof sortCriteriaSchema>;

const maxResults = z
  .number()
  .int('maxResults must be an integer')
  .min(1, 'maxResults must be between 1 and 50')
  .max(50, 'maxResults must be between 1 and 50');
const nextToken = z.string().max(4096, 'nextToken is too long');

export const listFindingsSchema = z.strictObject({
  findingCriteria: findingCriteriaSchema.optional(),
  sortCriteria: sortCriteriaSchema.optional(),
  maxResults: maxResults.optional(),
  nextToken: nextToken.nullish(),
});
export type ListFindingsRequest = z.infer<typeof listFindingsSchema>;

export const getFindingsSchema = z.strictObject({
  findingIds: z
    .array(z.string().min(1, 'finding ids are not empty').max(300, 'finding ids are at most 300 characters'), {
      message: 'findingIds is required: an array of finding ids',
    })
    .max(50, 'findingIds takes at most 50 ids'),
  sortCriteria: sortCriteriaSchema.optional(),
});
export type GetFindingsRequest = z.infer<typeof getFindingsSchema>;

export const getFindingsStatisticsSchema = z.strictObject({
  findingStatisticTypes: z
    .array(z.enum(['COUNT_BY_SEVERITY'], { message: "the only finding statistic type is 'COUNT_BY_SEVERITY'" }))
    .min(1, 'findingStatisticTypes needs one type')
    .max(10)
    .optional(),
  findingCriteria: findingCriteriaSchema.optional(),
  groupBy: z.enum(['ACCOUNT', 'DATE', 'FINDING_TYPE', 'RESOURCE', 'SEVERITY']).optional(),
  orderBy: z.enum(['ASC', 'DESC']).optional(),
  maxResults: z.number().int().min(1).max(100).optional(),
});
export type GetFindingsStatisticsRequest = z.infer<typeof getFindingsStatisticsSchema>;

export const listDetectorsQuerySchema = z.strictObject({
  maxResults: z.coerce.number().pipe(maxResults).optional(),
  nextToken: nextToken.optional(),
});
export type ListDetectorsRequest = z.infer<typeof listDetectorsQuerySchema>;

/** An InvalidInputException whose message names each offending field. */
export function toInvalidInput(error: z.ZodError, where = ''): ApiError {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      // Name a few: a body with thousands of unknown fields must not produce a huge message.
      const keys = issue.keys.slice(0, 5).map((k) => `'${[path, k].filter(Boolean).join('.')}'`);
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      return `unknown field ${keys.join(', ')}${more}`;
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${path || 'body'}: is required`;
    return `${path || 'body'}: ${issue.message}`;
  });
  return invalidInput(`The request is rejected: ${parts.join('; ')}.`);
}

/** Parses or throws the documented InvalidInputException. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where?: string): T {
  // reportInput: without it zod 4 leaves issue.input undefined, and every wrong type would read "is required".
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw toInvalidInput(result.error, where);
  return result.data;
}
