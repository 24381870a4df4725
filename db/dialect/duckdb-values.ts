// Conversion between JS values and DuckDB values for the Kysely dialect.
// The defaults of @duckdb/node-api hand back BIGINT as bigint, DECIMAL as objects (Json form) and
// DATE as a JS Date at UTC midnight; callers of a typed schema want plain numbers and 'YYYY-MM-DD'
// strings, so this module fixes one convention for the whole app (tested in duckdb-dialect.test.ts).
import {
  BLOB,
  BOOLEAN,
  DOUBLE,
  LIST,
  SQLNULL,
  TIMESTAMP,
  VARCHAR,
  BIGINT,
  blobValue,
  createDuckDBValueConverter,
  dateFromTimestampValue,
  JSDuckDBValueConverter,
  jsToDuckDBValue,
  listValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBValueConverter,
  type DuckDBDateValue,
} from "@duckdb/node-api";

export class UnsafeIntegerError extends Error {
  constructor(value: bigint) {
    super(`Integer ${value} is outside JavaScript's safe range; cast it in SQL (e.g. to VARCHAR or DOUBLE).`);
    this.name = "UnsafeIntegerError";
  }
}

function safeNumber(value: DuckDBValue): number {
  const big = value as bigint;
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new UnsafeIntegerError(big);
  }
  return Number(big);
}

/** DATE → 'YYYY-MM-DD' string: no time zone can shift a calendar date that never became a Date. */
function isoDate(value: DuckDBValue): string {
  return (value as DuckDBDateValue).toString();
}

const fallback = JSDuckDBValueConverter;
const byId: Record<DuckDBTypeId, DuckDBValueConverter<unknown> | undefined> = {} as never;
for (const id of Object.values(DuckDBTypeId)) {
  if (typeof id === "number") byId[id as DuckDBTypeId] = (v, t, c) => fallback(v, t, c as never);
}
byId[DuckDBTypeId.BIGINT] = safeNumber;
byId[DuckDBTypeId.UBIGINT] = safeNumber;
byId[DuckDBTypeId.HUGEINT] = safeNumber;
byId[DuckDBTypeId.UHUGEINT] = safeNumber;
byId[DuckDBTypeId.DATE] = isoDate;
byId[DuckDBTypeId.TIMESTAMP] = dateFromTimestampValue;

export const resultConverter = createDuckDBValueConverter<unknown>(byId);

function listElementType(items: readonly unknown[]): DuckDBType {
  const first = items.find((item) => item !== null && item !== undefined);
  if (typeof first === "number") return Number.isInteger(first) ? BIGINT : DOUBLE;
  if (typeof first === "boolean") return BOOLEAN;
  return VARCHAR;
}

/**
 * One bound parameter as a DuckDB value plus an explicit type where inference cannot work
 * (NULL, lists, blobs, timestamps). Strings stay strings: DuckDB casts them to DATE/UUID on bind.
 */
export function toDuckDBParameter(value: unknown): { value: DuckDBValue; type: DuckDBType | undefined } {
  if (value === null || value === undefined) return { value: null, type: SQLNULL };
  if (value instanceof Date) return { value: jsToDuckDBValue(value, TIMESTAMP), type: TIMESTAMP };
  if (value instanceof Uint8Array) return { value: blobValue(value), type: BLOB };
  if (Array.isArray(value)) {
    const elementType = listElementType(value);
    const items = value.map((item) => toDuckDBParameter(item).value);
    return { value: listValue(items), type: LIST(elementType) };
  }
  if (typeof value === "number" && !Number.isInteger(value)) return { value, type: DOUBLE };
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "bigint"
  ) {
    return { value, type: undefined };
  }
  throw new TypeError(`Cannot bind a value of type ${typeof value} to a DuckDB parameter`);
}
