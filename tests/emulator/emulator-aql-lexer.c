/* emulator-aql-lexer.c: AQL tokens, as the server's flex scanner makes them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Follows arangod/Aql/tokens.ll: case-insensitive keywords, longest match
 * (a keyword only when the whole word is one), "NOT IN" as one token, and
 * the locations bison reports, which are those of the scanner's last
 * match: a quoted string is where its closing quote is, the end of the
 * query where the last token, blank or comment was. Token names are the
 * "nice" names of arangod/Aql/grammar.y.
 */

#include "emulator-aql-lexer.h"

#include <string.h>

/* The server's QueryString::extractRegion cuts the snippet here. */
#define SNIPPET_LENGTH 32

static const struct {
  const char      *word;
  EmuAqlTokenType  type;
} keywords[] = {
  { "FOR", AQL_TOKEN_FOR },
  { "LET", AQL_TOKEN_LET },
  { "FILTER", AQL_TOKEN_FILTER },
  { "RETURN", AQL_TOKEN_RETURN },
  { "COLLECT", AQL_TOKEN_COLLECT },
  { "SORT", AQL_TOKEN_SORT },
  { "LIMIT", AQL_TOKEN_LIMIT },
  { "WINDOW", AQL_TOKEN_WINDOW },
  { "DISTINCT", AQL_TOKEN_DISTINCT },
  { "AGGREGATE", AQL_TOKEN_AGGREGATE },
  { "ASC", AQL_TOKEN_ASC },
  { "DESC", AQL_TOKEN_DESC },
  { "AND", AQL_TOKEN_AND },
  { "OR", AQL_TOKEN_OR },
  { "IN", AQL_TOKEN_IN },
  { "INTO", AQL_TOKEN_INTO },
  { "WITH", AQL_TOKEN_WITH },
  { "REMOVE", AQL_TOKEN_REMOVE },
  { "INSERT", AQL_TOKEN_INSERT },
  { "UPDATE", AQL_TOKEN_UPDATE },
  { "REPLACE", AQL_TOKEN_REPLACE },
  { "UPSERT", AQL_TOKEN_UPSERT },
  { "GRAPH", AQL_TOKEN_GRAPH },
  { "SHORTEST_PATH", AQL_TOKEN_SHORTEST_PATH },
  { "K_SHORTEST_PATHS", AQL_TOKEN_K_SHORTEST_PATHS },
  { "K_PATHS", AQL_TOKEN_K_PATHS },
  { "ALL_SHORTEST_PATHS", AQL_TOKEN_ALL_SHORTEST_PATHS },
  { "OUTBOUND", AQL_TOKEN_OUTBOUND },
  { "INBOUND", AQL_TOKEN_INBOUND },
  { "ANY", AQL_TOKEN_ANY },
  { "ALL", AQL_TOKEN_ALL },
  { "NONE", AQL_TOKEN_NONE },
  { "LIKE", AQL_TOKEN_LIKE },
  { "NULL", AQL_TOKEN_NULL },
  { "TRUE", AQL_TOKEN_TRUE },
  { "FALSE", AQL_TOKEN_FALSE },
};

/* Longest first, so that the first hit is the longest match. */
static const struct {
  const char      *text;
  EmuAqlTokenType  type;
} operators[] = {
  { "=~", AQL_TOKEN_REGEX_MATCH },
  { "!~", AQL_TOKEN_REGEX_NON_MATCH },
  { "==", AQL_TOKEN_EQ },
  { "!=", AQL_TOKEN_NE },
  { ">=", AQL_TOKEN_GE },
  { "<=", AQL_TOKEN_LE },
  { "&&", AQL_TOKEN_AND },
  { "||", AQL_TOKEN_OR },
  { "::", AQL_TOKEN_SCOPE },
  { "..", AQL_TOKEN_RANGE },
  { ">", AQL_TOKEN_GT },
  { "<", AQL_TOKEN_LT },
  { "=", AQL_TOKEN_ASSIGN },
  { "!", AQL_TOKEN_NOT },
  { "+", AQL_TOKEN_PLUS },
  { "-", AQL_TOKEN_MINUS },
  { "*", AQL_TOKEN_TIMES },
  { "/", AQL_TOKEN_DIV },
  { "%", AQL_TOKEN_MOD },
  { "?", AQL_TOKEN_QUESTION },
  { ":", AQL_TOKEN_COLON },
  { ",", AQL_TOKEN_COMMA },
  { "(", AQL_TOKEN_OPEN },
  { ")", AQL_TOKEN_CLOSE },
  { "{", AQL_TOKEN_OBJECT_OPEN },
  { "}", AQL_TOKEN_OBJECT_CLOSE },
  { "[", AQL_TOKEN_ARRAY_OPEN },
  { "]", AQL_TOKEN_ARRAY_CLOSE },
  { ".", AQL_TOKEN_DOT },
};

static const char *token_names[] = {
  [AQL_TOKEN_END] = "end of query string",
  [AQL_TOKEN_FOR] = "FOR declaration",
  [AQL_TOKEN_LET] = "LET declaration",
  [AQL_TOKEN_FILTER] = "FILTER declaration",
  [AQL_TOKEN_RETURN] = "RETURN declaration",
  [AQL_TOKEN_COLLECT] = "COLLECT declaration",
  [AQL_TOKEN_SORT] = "SORT declaration",
  [AQL_TOKEN_LIMIT] = "LIMIT declaration",
  [AQL_TOKEN_WINDOW] = "WINDOW declaration",
  [AQL_TOKEN_ASC] = "ASC keyword",
  [AQL_TOKEN_DESC] = "DESC keyword",
  [AQL_TOKEN_IN] = "IN keyword",
  [AQL_TOKEN_WITH] = "WITH keyword",
  [AQL_TOKEN_INTO] = "INTO keyword",
  [AQL_TOKEN_AGGREGATE] = "AGGREGATE keyword",
  [AQL_TOKEN_GRAPH] = "GRAPH keyword",
  [AQL_TOKEN_SHORTEST_PATH] = "SHORTEST_PATH keyword",
  [AQL_TOKEN_K_SHORTEST_PATHS] = "K_SHORTEST_PATHS keyword",
  [AQL_TOKEN_K_PATHS] = "K_PATHS keyword",
  [AQL_TOKEN_ALL_SHORTEST_PATHS] = "ALL_SHORTEST_PATHS keyword",
  [AQL_TOKEN_DISTINCT] = "DISTINCT modifier",
  [AQL_TOKEN_REMOVE] = "REMOVE command",
  [AQL_TOKEN_INSERT] = "INSERT command",
  [AQL_TOKEN_UPDATE] = "UPDATE command",
  [AQL_TOKEN_REPLACE] = "REPLACE command",
  [AQL_TOKEN_UPSERT] = "UPSERT command",
  [AQL_TOKEN_NULL] = "null",
  [AQL_TOKEN_TRUE] = "true",
  [AQL_TOKEN_FALSE] = "false",
  [AQL_TOKEN_IDENTIFIER] = "identifier",
  [AQL_TOKEN_QUOTED_STRING] = "quoted string",
  [AQL_TOKEN_INTEGER] = "integer number",
  [AQL_TOKEN_DOUBLE] = "number",
  [AQL_TOKEN_PARAMETER] = "bind parameter",
  [AQL_TOKEN_DATA_SOURCE_PARAMETER] = "bind data source parameter",
  [AQL_TOKEN_ASSIGN] = "assignment",
  [AQL_TOKEN_NOT] = "not operator",
  [AQL_TOKEN_AND] = "and operator",
  [AQL_TOKEN_OR] = "or operator",
  [AQL_TOKEN_NOT_IN] = "not in operator",
  [AQL_TOKEN_REGEX_MATCH] = "~= operator",
  [AQL_TOKEN_REGEX_NON_MATCH] = "~! operator",
  [AQL_TOKEN_EQ] = "== operator",
  [AQL_TOKEN_NE] = "!= operator",
  [AQL_TOKEN_LT] = "< operator",
  [AQL_TOKEN_GT] = "> operator",
  [AQL_TOKEN_LE] = "<= operator",
  [AQL_TOKEN_GE] = ">= operator",
  [AQL_TOKEN_LIKE] = "like operator",
  [AQL_TOKEN_PLUS] = "+ operator",
  [AQL_TOKEN_MINUS] = "- operator",
  [AQL_TOKEN_TIMES] = "* operator",
  [AQL_TOKEN_DIV] = "/ operator",
  [AQL_TOKEN_MOD] = "% operator",
  [AQL_TOKEN_QUESTION] = "?",
  [AQL_TOKEN_COLON] = ":",
  [AQL_TOKEN_SCOPE] = "::",
  [AQL_TOKEN_RANGE] = "..",
  [AQL_TOKEN_COMMA] = ",",
  [AQL_TOKEN_OPEN] = "(",
  [AQL_TOKEN_CLOSE] = ")",
  [AQL_TOKEN_OBJECT_OPEN] = "{",
  [AQL_TOKEN_OBJECT_CLOSE] = "}",
  [AQL_TOKEN_ARRAY_OPEN] = "[",
  [AQL_TOKEN_ARRAY_CLOSE] = "]",
  [AQL_TOKEN_OUTBOUND] = "outbound modifier",
  [AQL_TOKEN_INBOUND] = "inbound modifier",
  [AQL_TOKEN_ANY] = "any modifier",
  [AQL_TOKEN_ALL] = "all modifier",
  [AQL_TOKEN_NONE] = "none modifier",
  [AQL_TOKEN_AT_LEAST] = "at least modifier",
  [AQL_TOKEN_DOT] = "'.'",
  [AQL_TOKEN_INVALID] = "invalid token",
};

const char *
emu_aql_token_name (EmuAqlTokenType type)
{
  return token_names[type];
}

void
emu_aql_lexer_init (EmuAqlLexer *lexer,
                    const char  *query)
{
  memset (lexer, 0, sizeof *lexer);
  lexer->query = query;
  lexer->length = strlen (query);
  lexer->line = 1;
  lexer->last_line = 1;
}

void
emu_aql_token_clear (EmuAqlToken *token)
{
  g_clear_pointer (&token->text, g_free);
  memset (token, 0, sizeof *token);
}

static char
peek (EmuAqlLexer *lexer,
      gsize        ahead)
{
  return lexer->offset + ahead < lexer->length ? lexer->query[lexer->offset + ahead] : '\0';
}

/* One flex match of @length bytes: flex counts the newlines in it first
 * (line + 1, column 0), then YY_USER_ACTION records the location and
 * advances the column. */
static void
match (EmuAqlLexer *lexer,
       gsize        length)
{
  gsize i;

  for (i = 0; i < length; i++)
    if (lexer->query[lexer->offset + i] == '\n')
      {
        lexer->line++;
        lexer->column = 0;
      }

  lexer->last_line = lexer->line;
  lexer->last_column = lexer->column;
  lexer->column += length;
  lexer->offset += length;
}

static gboolean
is_word_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$';
}

/* ($?[a-zA-Z][_a-zA-Z0-9]*|_+[a-zA-Z]+[_a-zA-Z0-9]*); 0 if none. */
static gsize
identifier_length (EmuAqlLexer *lexer)
{
  gsize i = 0;

  if (peek (lexer, 0) == '$')
    i++;
  if (g_ascii_isalpha (peek (lexer, i)))
    {
      i++;
    }
  else if (i == 0 && peek (lexer, 0) == '_')
    {
      while (peek (lexer, i) == '_')
        i++;
      if (!g_ascii_isalpha (peek (lexer, i)))
        return 0;
    }
  else
    {
      return 0;
    }

  while (g_ascii_isalnum (peek (lexer, i)) || peek (lexer, i) == '_')
    i++;
  return i;
}

static void
append_utf8 (GString  *out,
             gunichar  c)
{
  g_string_append_unichar (out, c);
}

/* registerEscapedString: \n \r \t \b \f \uXXXX; other escaped characters
 * stand for themselves. */
static char *
unescape (const char *text,
          gsize       length)
{
  GString *out = g_string_sized_new (length);
  gsize i;

  for (i = 0; i < length; i++)
    {
      char c = text[i];

      if (c != '\\' || i + 1 >= length)
        {
          g_string_append_c (out, c);
          continue;
        }

      c = text[++i];
      switch (c)
        {
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'u':
          if (i + 4 < length && g_ascii_isxdigit (text[i + 1]) && g_ascii_isxdigit (text[i + 2]) &&
              g_ascii_isxdigit (text[i + 3]) && g_ascii_isxdigit (text[i + 4]))
            {
              char hex[5] = { text[i + 1], text[i + 2], text[i + 3], text[i + 4], '\0' };
              gunichar code = (gunichar) g_ascii_strtoull (hex, NULL, 16);

              i += 4;
              /* A surrogate pair in two escapes. */
              if (code >= 0xd800 && code <= 0xdbff && i + 6 < length &&
                  text[i + 1] == '\\' && text[i + 2] == 'u')
                {
                  char low_hex[5] = { text[i + 3], text[i + 4], text[i + 5], text[i + 6], '\0' };
                  gunichar low = (gunichar) g_ascii_strtoull (low_hex, NULL, 16);

                  if (low >= 0xdc00 && low <= 0xdfff)
                    {
                      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                      i += 6;
                    }
                }
              append_utf8 (out, code);
            }
          else
            {
              g_string_append_c (out, 'u');
            }
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* A quoted string or backtick name: every character is one match, so
 * the token is located at its closing quote. An unterminated one ends
 * the query. */
static gboolean
scan_quoted (EmuAqlLexer *lexer,
             const char  *quote,
             EmuAqlToken *token)
{
  gsize quote_length = strlen (quote);
  gsize start;

  match (lexer, quote_length);
  start = lexer->offset;

  while (lexer->offset < lexer->length)
    {
      if (strncmp (lexer->query + lexer->offset, quote, quote_length) == 0)
        {
          token->text = unescape (lexer->query + start, lexer->offset - start);
          match (lexer, quote_length);
          return TRUE;
        }
      /* \\. (any character but a newline), else one character */
      if (peek (lexer, 0) == '\\' && lexer->offset + 1 < lexer->length && peek (lexer, 1) != '\n')
        match (lexer, 2);
      else
        match (lexer, 1);
    }

  return FALSE;
}

/* Number literals: integers (decimal, 0x hex, 0b binary) and doubles. */
static void
scan_number (EmuAqlLexer *lexer,
             EmuAqlToken *token)
{
  const char *start = lexer->query + lexer->offset;
  gsize integer_end, end;
  g_autofree char *text = NULL;

  if (start[0] == '0' && (start[1] == 'x' || start[1] == 'X') && g_ascii_isxdigit (start[2]))
    {
      for (end = 2; g_ascii_isxdigit (start[end]); end++)
        ;
      text = g_strndup (start + 2, end - 2);
      token->type = AQL_TOKEN_INTEGER;
      token->integer = (gint64) g_ascii_strtoull (text, NULL, 16);
      match (lexer, end);
      return;
    }
  if (start[0] == '0' && (start[1] == 'b' || start[1] == 'B') &&
      (start[2] == '0' || start[2] == '1'))
    {
      for (end = 2; start[end] == '0' || start[end] == '1'; end++)
        ;
      text = g_strndup (start + 2, end - 2);
      token->type = AQL_TOKEN_INTEGER;
      token->integer = (gint64) g_ascii_strtoull (text, NULL, 2);
      match (lexer, end);
      return;
    }

  end = 0;
  if (start[0] == '.')
    {
      integer_end = 0;
    }
  else if (start[0] == '0')
    {
      integer_end = end = 1;
    }
  else
    {
      for (end = 0; g_ascii_isdigit (start[end]); end++)
        ;
      integer_end = end;
    }
  if (start[end] == '.' && g_ascii_isdigit (start[end + 1]))
    for (end += 2; g_ascii_isdigit (start[end]); end++)
      ;
  if ((start[end] == 'e' || start[end] == 'E') &&
      (g_ascii_isdigit (start[end + 1]) ||
       ((start[end + 1] == '+' || start[end + 1] == '-') && g_ascii_isdigit (start[end + 2]))))
    for (end += 2; g_ascii_isdigit (start[end]); end++)
      ;

  text = g_strndup (start, end);
  if (end == integer_end)
    {
      guint64 value;

      token->type = AQL_TOKEN_INTEGER;
      if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
        {
          token->integer = (gint64) value;
        }
      else
        {
          token->overflow = TRUE;
          token->number = g_ascii_strtod (text, NULL);
        }
    }
  else
    {
      token->type = AQL_TOKEN_DOUBLE;
      token->number = g_ascii_strtod (text, NULL);
    }
  match (lexer, end);
}

/* After NOT: blanks, then IN makes NOT IN. Anything else is pushed back
 * (yyless), but its column has been counted once already. */
static EmuAqlTokenType
scan_after_not (EmuAqlLexer *lexer)
{
  while (strchr (" \t\r\n", peek (lexer, 0)) != NULL && peek (lexer, 0) != '\0')
    match (lexer, 1);

  if (g_ascii_tolower (peek (lexer, 0)) == 'i' && g_ascii_tolower (peek (lexer, 1)) == 'n')
    {
      match (lexer, 2);
      return AQL_TOKEN_NOT_IN;
    }

  if (lexer->offset < lexer->length)
    {
      lexer->last_line = lexer->line;
      lexer->last_column = lexer->column;
      lexer->column++;
    }
  return AQL_TOKEN_NOT;
}

/* Blanks and comments; FALSE at the end of the query. */
static gboolean
skip_ignored (EmuAqlLexer *lexer)
{
  while (lexer->offset < lexer->length)
    {
      char c = peek (lexer, 0);

      if (c == ' ' || c == '\t' || c == '\r')
        {
          gsize n = 0;

          while (peek (lexer, n) == ' ' || peek (lexer, n) == '\t' || peek (lexer, n) == '\r')
            n++;
          match (lexer, n);
        }
      else if (c == '\n')
        {
          match (lexer, 1);
          lexer->column = 0;
        }
      else if (c == '/' && peek (lexer, 1) == '/')
        {
          match (lexer, 2);
          if (lexer->offset < lexer->length && peek (lexer, 0) != '\n')
            {
              gsize n = 0;

              while (peek (lexer, n) != '\n' && peek (lexer, n) != '\0')
                n++;
              match (lexer, n);
            }
          if (peek (lexer, 0) == '\n')
            {
              match (lexer, 1);
              lexer->column = 0;
            }
        }
      else if (c == '/' && peek (lexer, 1) == '*')
        {
          match (lexer, 2);
          while (lexer->offset < lexer->length)
            {
              if (peek (lexer, 0) == '*' && peek (lexer, 1) == '/')
                {
                  match (lexer, 2);
                  break;
                }
              if (peek (lexer, 0) == '\n')
                {
                  match (lexer, 1);
                  lexer->column = 0;
                }
              else if (peek (lexer, 0) == '*')
                {
                  match (lexer, 1);
                }
              else
                {
                  gsize n = 0;

                  while (peek (lexer, n) != '*' && peek (lexer, n) != '\n' && peek (lexer, n) != '\0')
                    n++;
                  match (lexer, n);
                }
            }
        }
      else
        {
          return TRUE;
        }
    }

  return FALSE;
}

static void
scan_word (EmuAqlLexer *lexer,
           EmuAqlToken *token,
           gsize        length)
{
  const char *start = lexer->query + lexer->offset;
  guint i;

  /* "AT LEAST" is one token. */
  if (length == 2 && g_ascii_strncasecmp (start, "AT", 2) == 0)
    {
      gsize n = 2;

      while (strchr (" \t\r\n", start[n]) != NULL && start[n] != '\0')
        n++;
      if (n > 2 && g_ascii_strncasecmp (start + n, "LEAST", 5) == 0 &&
          !g_ascii_isalnum (start[n + 5]) && start[n + 5] != '_')
        {
          token->type = AQL_TOKEN_AT_LEAST;
          match (lexer, n + 5);
          return;
        }
    }

  for (i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strlen (keywords[i].word) == length &&
        g_ascii_strncasecmp (start, keywords[i].word, length) == 0)
      {
        token->type = keywords[i].type;
        match (lexer, length);
        return;
      }

  if (length == 3 && g_ascii_strncasecmp (start, "NOT", 3) == 0)
    {
      match (lexer, 3);
      token->type = scan_after_not (lexer);
      return;
    }

  token->type = AQL_TOKEN_IDENTIFIER;
  token->text = g_strndup (start, length);
  match (lexer, length);
}

/* @name or @@name; 0 if none. */
static gsize
parameter_length (EmuAqlLexer *lexer,
                  gsize        at)
{
  gsize i = at;

  if (peek (lexer, i) == '_')
    {
      while (peek (lexer, i) == '_')
        i++;
      if (!g_ascii_isalnum (peek (lexer, i)))
        return 0;
    }
  else if (!g_ascii_isalnum (peek (lexer, i)))
    {
      return 0;
    }

  while (g_ascii_isalnum (peek (lexer, i)) || peek (lexer, i) == '_')
    i++;
  return i;
}

void
emu_aql_lexer_next (EmuAqlLexer *lexer,
                    EmuAqlToken *token)
{
  gsize length;
  char c;
  guint i;

  emu_aql_token_clear (token);

  if (!skip_ignored (lexer))
    goto end;

  c = peek (lexer, 0);
  if (is_word_start (c) && (length = identifier_length (lexer)) > 0)
    {
      scan_word (lexer, token, length);
    }
  else if (g_ascii_isdigit (c) || (c == '.' && g_ascii_isdigit (peek (lexer, 1))))
    {
      scan_number (lexer, token);
    }
  else if (c == '"' || c == '\'' || c == '`')
    {
      char quote[2] = { c, '\0' };

      if (!scan_quoted (lexer, quote, token))
        goto end;
      token->type = c == '`' ? AQL_TOKEN_IDENTIFIER : AQL_TOKEN_QUOTED_STRING;
    }
  else if (strncmp (lexer->query + lexer->offset, "\xc2\xb4", 2) == 0)
    {
      if (!scan_quoted (lexer, "\xc2\xb4", token))
        goto end;
      token->type = AQL_TOKEN_IDENTIFIER;
    }
  else if (c == '@' && peek (lexer, 1) == '@' && (length = parameter_length (lexer, 2)) > 0)
    {
      token->type = AQL_TOKEN_DATA_SOURCE_PARAMETER;
      token->text = g_strndup (lexer->query + lexer->offset + 2, length - 2);
      match (lexer, length);
    }
  else if (c == '@' && (length = parameter_length (lexer, 1)) > 0)
    {
      token->type = AQL_TOKEN_PARAMETER;
      token->text = g_strndup (lexer->query + lexer->offset + 1, length - 1);
      match (lexer, length);
    }
  else
    {
      for (i = 0; i < G_N_ELEMENTS (operators); i++)
        if (strncmp (lexer->query + lexer->offset, operators[i].text,
                     strlen (operators[i].text)) == 0)
          break;

      if (i < G_N_ELEMENTS (operators))
        {
          token->type = operators[i].type;
          match (lexer, strlen (operators[i].text));
        }
      else
        {
          token->type = AQL_TOKEN_INVALID;
          match (lexer, 1);
        }
    }

  token->line = lexer->last_line;
  token->column = lexer->last_column;
  return;

end:
  token->type = AQL_TOKEN_END;
  token->line = lexer->last_line;
  token->column = lexer->last_column;
}

/* QueryString::extractRegion: the query from the error location on, at
 * most 32 bytes (then "..."), not cutting a UTF-8 character. Lines count
 * from 1, columns from 0; "\r" and "\r\n" end lines too. */
char *
emu_aql_error_region (const char *query,
                      guint       line,
                      guint       column)
{
  gsize length = strlen (query);
  const char *p = query;
  guint current_line = 1, current_column = 0;
  gsize offset, n;

  while ((gsize) (p - query) < length && *p != '\0')
    {
      if (current_line > line || (current_line >= line && current_column >= column))
        break;

      if (*p == '\n')
        {
          p++;
          current_line++;
          current_column = 0;
        }
      else if (*p == '\r')
        {
          p++;
          current_line++;
          current_column = 0;
          if (*p == '\n')
            p++;
        }
      else
        {
          current_column++;
          p++;
        }
    }

  offset = p - query;
  if (length < offset + SNIPPET_LENGTH)
    return g_strdup (query + offset);

  n = SNIPPET_LENGTH;
  while (n > 0 && ((guchar) query[offset + n] & 0xc0) == 0x80)
    n--;
  return g_strdup_printf ("%.*s...", (int) n, query + offset);
}
