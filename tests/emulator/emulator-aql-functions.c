/* emulator-aql-functions.c: which AQL functions exist, and which the
 * emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The names the server registers (arangod/Aql/AqlFunctionFeature.cpp,
 * 3.12-era, plus the ArangoSearch and vector functions): a call of one
 * of them that the emulator cannot evaluate is refused as not
 * implemented (9), any other name is an unknown function (1540), as the
 * server says.
 */

#include "emulator-aql-functions.h"

#include <string.h>

static const char *builtin_functions[] = {
  "ABS", "ACOS", "ANALYZER", "APPEND", "APPLY",
  "APPROX_NEAR_COSINE", "APPROX_NEAR_INNER_PRODUCT", "APPROX_NEAR_L2", "ASIN", "ASSERT",
  "ATAN", "ATAN2", "ATTRIBUTES", "AVERAGE", "AVG",
  "BIT_AND", "BIT_CONSTRUCT", "BIT_DECONSTRUCT", "BIT_FROM_STRING", "BIT_NEGATE",
  "BIT_OR", "BIT_POPCOUNT", "BIT_SHIFT_LEFT", "BIT_SHIFT_RIGHT", "BIT_TEST",
  "BIT_TO_STRING", "BIT_XOR", "BM25", "BOOST", "CALL",
  "CEIL", "CHAR_LENGTH", "CHECK_DOCUMENT", "COLLECTIONS", "COLLECTION_COUNT",
  "CONCAT", "CONCAT_SEPARATOR", "CONTAINS", "CONTAINS_ARRAY", "COS",
  "COSINE_SIMILARITY", "COUNT", "COUNT_DISTINCT", "COUNT_UNIQUE", "CRC32",
  "CURRENT_DATABASE", "CURRENT_USER", "DATE_ADD", "DATE_COMPARE", "DATE_DAY",
  "DATE_DAYOFWEEK", "DATE_DAYOFYEAR", "DATE_DAYS_IN_MONTH", "DATE_DIFF", "DATE_FORMAT",
  "DATE_HOUR", "DATE_ISO8601", "DATE_ISOWEEK", "DATE_ISOWEEKYEAR", "DATE_LEAPYEAR",
  "DATE_LOCALTOUTC", "DATE_MILLISECOND", "DATE_MINUTE", "DATE_MONTH", "DATE_NOW",
  "DATE_QUARTER", "DATE_ROUND", "DATE_SECOND", "DATE_SUBTRACT", "DATE_TIMESTAMP",
  "DATE_TIMEZONE", "DATE_TIMEZONES", "DATE_TRUNC", "DATE_UTCTOLOCAL", "DATE_YEAR",
  "DECAY_EXP", "DECAY_GAUSS", "DECAY_LINEAR", "DECODE_REV", "DEGREES",
  "DISTANCE", "DOCUMENT", "ENCODE_URI_COMPONENT", "EXISTS", "EXP",
  "EXP2", "FAIL", "FIND_FIRST", "FIND_LAST", "FIRST",
  "FIRST_DOCUMENT", "FIRST_LIST", "FLATTEN", "FLOOR", "FNV64",
  "FULLTEXT", "GEO_AREA", "GEO_CONTAINS", "GEO_DISTANCE", "GEO_EQUALS",
  "GEO_INTERSECTS", "GEO_IN_RANGE", "GEO_LINESTRING", "GEO_MULTILINESTRING", "GEO_MULTIPOINT",
  "GEO_MULTIPOLYGON", "GEO_POINT", "GEO_POLYGON", "HAS", "HASH",
  "INTERLEAVE", "INTERSECTION", "IN_RANGE", "IPV4_FROM_NUMBER", "IPV4_TO_NUMBER",
  "IS_ARRAY", "IS_BOOL", "IS_DATESTRING", "IS_DOCUMENT", "IS_IN_POLYGON",
  "IS_IPV4", "IS_KEY", "IS_LIST", "IS_NULL", "IS_NUMBER",
  "IS_OBJECT", "IS_SAME_COLLECTION", "IS_STRING", "JACCARD", "JSON_PARSE",
  "JSON_STRINGIFY", "KEEP", "KEEP_RECURSIVE", "KEYS", "L1_DISTANCE",
  "L2_DISTANCE", "LAST", "LEFT", "LENGTH", "LEVENSHTEIN_DISTANCE",
  "LEVENSHTEIN_MATCH", "LIKE", "LOG", "LOG10", "LOG2",
  "LOWER", "LTRIM", "MATCHES", "MAX", "MD5",
  "MEDIAN", "MERGE", "MERGE_RECURSIVE", "MIN", "MINHASH",
  "MINHASH_COUNT", "MINHASH_ERROR", "MINHASH_MATCH", "MINUS", "MIN_MATCH",
  "NEAR", "NGRAM_MATCH", "NGRAM_POSITIONAL_SIMILARITY", "NGRAM_SIMILARITY", "NOEVAL",
  "NOOPT", "NOT_NULL", "NTH", "OFFSET_INFO", "OUTERSECTION",
  "PARSE_COLLECTION", "PARSE_IDENTIFIER", "PARSE_KEY", "PASSTHRU", "PERCENTILE",
  "PHRASE", "PI", "POP", "POSITION", "POW",
  "PREGEL_RESULT", "PRODUCT", "PUSH", "RADIANS", "RAND",
  "RANDOM_TOKEN", "RANGE", "REGEX_MATCHES", "REGEX_REPLACE", "REGEX_SPLIT",
  "REGEX_TEST", "REMOVE_NTH", "REMOVE_VALUE", "REMOVE_VALUES", "REPLACE_NTH",
  "REVERSE", "RIGHT", "ROUND", "RTRIM", "SCHEMA_GET",
  "SCHEMA_VALIDATE", "SHA1", "SHA256", "SHA512", "SHARD_ID",
  "SHIFT", "SIN", "SLEEP", "SLICE", "SORTED",
  "SORTED_UNIQUE", "SOUNDEX", "SPLIT", "SQRT", "STARTS_WITH",
  "STDDEV", "STDDEV_POPULATION", "STDDEV_SAMPLE", "SUBSTITUTE", "SUBSTRING",
  "SUBSTRING_BYTES", "SUM", "TAN", "TFIDF", "TOKENS",
  "TO_ARRAY", "TO_BASE64", "TO_BOOL", "TO_HEX", "TO_LIST",
  "TO_NUMBER", "TO_STRING", "TRANSLATE", "TRIM", "TYPENAME",
  "UNION", "UNION_DISTINCT", "UNIQUE", "UNSET", "UNSET_RECURSIVE",
  "UNSHIFT", "UPPER", "UUID", "V8", "VALUE",
  "VALUES", "VARIANCE", "VARIANCE_POPULATION", "VARIANCE_SAMPLE", "VERSION",
  "WARN", "WITHIN", "WITHIN_RECTANGLE", "ZIP",
};

/* Evaluated by emulator-aql-eval.c. */
static const char *supported_functions[] = {
  "COUNT", "LENGTH", "SLEEP",
};

static int
compare_name (const void *a,
              const void *b)
{
  return strcmp (a, *(const char * const *) b);
}

gboolean
emu_aql_function_exists (const char *name)
{
  return bsearch (name, builtin_functions, G_N_ELEMENTS (builtin_functions),
                  sizeof builtin_functions[0], compare_name) != NULL;
}

gboolean
emu_aql_function_supported (const char *name)
{
  return bsearch (name, supported_functions, G_N_ELEMENTS (supported_functions),
                  sizeof supported_functions[0], compare_name) != NULL;
}
