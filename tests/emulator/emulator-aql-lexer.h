/* emulator-aql-lexer.h: AQL tokens, as the server's flex scanner makes them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  AQL_TOKEN_END,
  AQL_TOKEN_FOR,
  AQL_TOKEN_LET,
  AQL_TOKEN_FILTER,
  AQL_TOKEN_RETURN,
  AQL_TOKEN_COLLECT,
  AQL_TOKEN_SORT,
  AQL_TOKEN_LIMIT,
  AQL_TOKEN_WINDOW,
  AQL_TOKEN_ASC,
  AQL_TOKEN_DESC,
  AQL_TOKEN_IN,
  AQL_TOKEN_WITH,
  AQL_TOKEN_INTO,
  AQL_TOKEN_AGGREGATE,
  AQL_TOKEN_GRAPH,
  AQL_TOKEN_SHORTEST_PATH,
  AQL_TOKEN_K_SHORTEST_PATHS,
  AQL_TOKEN_K_PATHS,
  AQL_TOKEN_ALL_SHORTEST_PATHS,
  AQL_TOKEN_DISTINCT,
  AQL_TOKEN_REMOVE,
  AQL_TOKEN_INSERT,
  AQL_TOKEN_UPDATE,
  AQL_TOKEN_REPLACE,
  AQL_TOKEN_UPSERT,
  AQL_TOKEN_NULL,
  AQL_TOKEN_TRUE,
  AQL_TOKEN_FALSE,
  AQL_TOKEN_IDENTIFIER,
  AQL_TOKEN_QUOTED_STRING,
  AQL_TOKEN_INTEGER,
  AQL_TOKEN_DOUBLE,
  AQL_TOKEN_PARAMETER,
  AQL_TOKEN_DATA_SOURCE_PARAMETER,
  AQL_TOKEN_ASSIGN,
  AQL_TOKEN_NOT,
  AQL_TOKEN_AND,
  AQL_TOKEN_OR,
  AQL_TOKEN_NOT_IN,
  AQL_TOKEN_REGEX_MATCH,
  AQL_TOKEN_REGEX_NON_MATCH,
  AQL_TOKEN_EQ,
  AQL_TOKEN_NE,
  AQL_TOKEN_LT,
  AQL_TOKEN_GT,
  AQL_TOKEN_LE,
  AQL_TOKEN_GE,
  AQL_TOKEN_LIKE,
  AQL_TOKEN_PLUS,
  AQL_TOKEN_MINUS,
  AQL_TOKEN_TIMES,
  AQL_TOKEN_DIV,
  AQL_TOKEN_MOD,
  AQL_TOKEN_QUESTION,
  AQL_TOKEN_COLON,
  AQL_TOKEN_SCOPE,
  AQL_TOKEN_RANGE,
  AQL_TOKEN_COMMA,
  AQL_TOKEN_OPEN,
  AQL_TOKEN_CLOSE,
  AQL_TOKEN_OBJECT_OPEN,
  AQL_TOKEN_OBJECT_CLOSE,
  AQL_TOKEN_ARRAY_OPEN,
  AQL_TOKEN_ARRAY_CLOSE,
  AQL_TOKEN_OUTBOUND,
  AQL_TOKEN_INBOUND,
  AQL_TOKEN_ANY,
  AQL_TOKEN_ALL,
  AQL_TOKEN_NONE,
  AQL_TOKEN_AT_LEAST,
  AQL_TOKEN_DOT,        /* the grammar's literal '.' */
  AQL_TOKEN_INVALID,    /* any other character */
} EmuAqlTokenType;

typedef struct {
  EmuAqlTokenType  type;
  char            *text;      /* identifiers, strings (unescaped), parameter names */
  gint64           integer;
  gdouble          number;    /* AQL_TOKEN_DOUBLE, and integers too large for gint64 */
  gboolean         overflow;  /* an integer literal read as a double */
  guint            line;      /* bison location: line from 1 */
  guint            column;    /* column from 0, in bytes */
} EmuAqlToken;

typedef struct {
  const char *query;
  gsize       length;
  gsize       offset;
  guint       line;
  guint       column;
  guint       last_line;    /* location of the scanner's last match */
  guint       last_column;
} EmuAqlLexer;

void        emu_aql_lexer_init   (EmuAqlLexer     *lexer,
                                  const char      *query);
void        emu_aql_lexer_next   (EmuAqlLexer     *lexer,
                                  EmuAqlToken     *token);
void        emu_aql_token_clear  (EmuAqlToken     *token);
const char *emu_aql_token_name   (EmuAqlTokenType  type);
char       *emu_aql_error_region (const char      *query,
                                  guint            line,
                                  guint            column);

G_END_DECLS
