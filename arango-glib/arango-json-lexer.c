/* arango-json-lexer.c: the tokens of JSON text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "arango-json-lexer-private.h"

void
arango_json_lexer_init (ArangoJsonLexer  *lexer,
                        const char       *text,
                        gsize             length,
                        GError          **error)
{
  *lexer = (ArangoJsonLexer) {
    .text = text,
    .end = text + length,
    .at = text,
    .scratch = g_string_sized_new (64),
    .error = error,
  };
}

void
arango_json_lexer_clear (ArangoJsonLexer *lexer)
{
  g_string_free (lexer->scratch, TRUE);
  lexer->scratch = NULL;
}

/* Always FALSE, so that callers can return it. The errors are
 * JSON_PARSER_ERROR's, as json-glib's parser would give. */
gboolean
arango_json_lexer_fail (ArangoJsonLexer *lexer,
                        const char      *what)
{
  /* Only the first failure counts: later ones are consequences. */
  if (*lexer->error != NULL)
    return FALSE;
  g_set_error (lexer->error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               _("%s at byte %" G_GSIZE_FORMAT), what, (gsize) (lexer->at - lexer->text));
  return FALSE;
}

gboolean
arango_json_lexer_expect_word (ArangoJsonLexer *lexer,
                               const char      *word)
{
  gsize length = strlen (word);

  if ((gsize) (lexer->end - lexer->at) < length || memcmp (lexer->at, word, length) != 0)
    return arango_json_lexer_fail (lexer, _("Unexpected character"));
  lexer->at += length;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (ArangoJsonLexer *lexer,
           gunichar        *value)
{
  *value = 0;
  if (lexer->end - lexer->at < 4)
    return arango_json_lexer_fail (lexer, _("Truncated \\u escape"));
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (lexer->at[i]);

      if (digit < 0)
        return arango_json_lexer_fail (lexer, _("Invalid \\u escape"));
      *value = (*value << 4) | digit;
    }
  lexer->at += 4;
  return TRUE;
}

/* Appends the character an escape stands for to @out, if any. */
static gboolean
read_escape (ArangoJsonLexer *lexer,
             GString         *out)
{
  static const char simple_escapes[256] = {
    ['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b',
    ['f'] = '\f', ['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
  };
  guchar c;
  gunichar code;

  if (lexer->at >= lexer->end)
    return arango_json_lexer_fail (lexer, _("Truncated string"));
  c = (guchar) *lexer->at++;
  if (simple_escapes[c] != 0)
    {
      if (out != NULL)
        g_string_append_c (out, simple_escapes[c]);
      return TRUE;
    }
  if (c != 'u')
    {
      lexer->at--;
      return arango_json_lexer_fail (lexer, _("Invalid escape"));
    }

  if (!read_hex4 (lexer, &code))
    return FALSE;
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      gunichar low;

      if (lexer->end - lexer->at < 2 || lexer->at[0] != '\\' || lexer->at[1] != 'u')
        return arango_json_lexer_fail (lexer, _("Lone surrogate in \\u escape"));
      lexer->at += 2;
      if (!read_hex4 (lexer, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return arango_json_lexer_fail (lexer, _("Lone surrogate in \\u escape"));
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (code >= 0xDC00 && code <= 0xDFFF)
    return arango_json_lexer_fail (lexer, _("Lone surrogate in \\u escape"));
  else if (code == 0)
    /* json-glib's and GVariant's strings end at the first NUL. */
    return arango_json_lexer_fail (lexer, _("NUL character in string"));

  if (out != NULL)
    g_string_append_unichar (out, code);
  return TRUE;
}

/* What a byte is inside a string: the reading stops at a quote, a
 * backslash or a control character; bytes above ASCII call for a UTF-8
 * check at the end. A table keeps the common case at one lookup a byte. */
enum
{
  BYTE_NON_ASCII = 1 << 0,
  BYTE_STOP = 1 << 1,
};

static const guint8 string_byte_class[256] = {
  [0x00 ... 0x1f] = BYTE_STOP,
  ['"'] = BYTE_STOP,
  ['\\'] = BYTE_STOP,
  [0x80 ... 0xff] = BYTE_NON_ASCII,
};

/* Reads the string whose opening quote is at lexer->at and appends its
 * characters to @out; with @out %NULL, only checks it. */
gboolean
arango_json_lexer_read_string (ArangoJsonLexer *lexer,
                               GString         *out)
{
  const char *start = ++lexer->at;

  for (;;)
    {
      const char *at = lexer->at;
      guint8 seen = 0;
      guint8 class = 0;
      guchar c;

      /* A local cursor: the compiler cannot keep lexer->at in a register
       * across the writes of char data. */
      while (at < lexer->end && !((class = string_byte_class[(guchar) *at]) & BYTE_STOP))
        {
          seen |= class;
          at++;
        }
      lexer->at = at;
      if (at >= lexer->end)
        break;

      /* What an escape adds is valid UTF-8 and starts a character, so
       * checking the text between escapes checks the whole string. */
      if ((seen & BYTE_NON_ASCII) && !g_utf8_validate_len (start, at - start, NULL))
        return arango_json_lexer_fail (lexer, _("Invalid UTF-8 in string"));
      if (out != NULL)
        arango_json_append (out, start, at - start);

      c = (guchar) *at;
      if (c == '"')
        {
          lexer->at++;
          return TRUE;
        }
      if (c < 0x20)
        return arango_json_lexer_fail (lexer, _("Control character in string"));

      /* A backslash */
      lexer->at++;
      if (!read_escape (lexer, out))
        return FALSE;
      start = lexer->at;
    }

  return arango_json_lexer_fail (lexer, _("Unterminated string"));
}

static gboolean
skip_digits (ArangoJsonLexer *lexer)
{
  if (lexer->at >= lexer->end || !g_ascii_isdigit (*lexer->at))
    return arango_json_lexer_fail (lexer, _("Invalid number"));
  while (lexer->at < lexer->end && g_ascii_isdigit (*lexer->at))
    lexer->at++;
  return TRUE;
}

/* Steps over the number at lexer->at; *@is_integer says whether it had
 * neither fraction nor exponent. */
static gboolean
scan_number (ArangoJsonLexer *lexer,
             gboolean        *is_integer)
{
  *is_integer = TRUE;
  if (lexer->at < lexer->end && *lexer->at == '-')
    lexer->at++;
  if (lexer->at < lexer->end && *lexer->at == '0')
    lexer->at++;
  else if (!skip_digits (lexer))
    return FALSE;
  if (lexer->at < lexer->end && *lexer->at == '.')
    {
      *is_integer = FALSE;
      lexer->at++;
      if (!skip_digits (lexer))
        return FALSE;
    }
  if (lexer->at < lexer->end && (*lexer->at == 'e' || *lexer->at == 'E'))
    {
      *is_integer = FALSE;
      lexer->at++;
      if (lexer->at < lexer->end && (*lexer->at == '+' || *lexer->at == '-'))
        lexer->at++;
      if (!skip_digits (lexer))
        return FALSE;
    }
  return TRUE;
}

/* Reads the number at lexer->at into *@integer when it is one that fits
 * a gint64, into *@real otherwise. */
ArangoJsonNumber
arango_json_lexer_read_number (ArangoJsonLexer *lexer,
                               gint64          *integer,
                               double          *real)
{
  const char *start = lexer->at;
  gboolean is_integer;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE * 2];
  g_autofree char *long_text = NULL;
  const char *text = buffer;
  gsize length;

  if (!scan_number (lexer, &is_integer))
    return ARANGO_JSON_NUMBER_INVALID;

  length = lexer->at - start;
  if (is_integer && length <= 18)
    {
      gint64 value = 0;
      const char *digit = *start == '-' ? start + 1 : start;

      /* At most 18 digits cannot overflow a gint64. */
      for (; digit < lexer->at; digit++)
        value = value * 10 + (*digit - '0');
      *integer = *start == '-' ? -value : value;
      return ARANGO_JSON_NUMBER_INTEGER;
    }

  /* g_ascii_strtod needs a terminated string. */
  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
    }
  else
    text = long_text = g_strndup (start, length);

  /* Integers beyond gint64 are kept as doubles, as json-glib does. */
  if (is_integer && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, integer, NULL))
    return ARANGO_JSON_NUMBER_INTEGER;
  *real = g_ascii_strtod (text, NULL);
  return ARANGO_JSON_NUMBER_DOUBLE;
}

static gboolean
skip_container (ArangoJsonLexer *lexer,
                char             close)
{
  gboolean is_object = close == '}';

  lexer->at++;
  if (arango_json_lexer_peek (lexer) == close)
    {
      lexer->at++;
      return TRUE;
    }
  for (;;)
    {
      char next;

      if (is_object)
        {
          if (arango_json_lexer_peek (lexer) != '"')
            return arango_json_lexer_fail (lexer, _("Expected a member name"));
          if (!arango_json_lexer_read_string (lexer, NULL))
            return FALSE;
          if (arango_json_lexer_peek (lexer) != ':')
            return arango_json_lexer_fail (lexer, _("Expected “:”"));
          lexer->at++;
        }
      if (!arango_json_lexer_skip_value (lexer))
        return FALSE;
      next = arango_json_lexer_peek (lexer);
      if (next == ',')
        {
          lexer->at++;
          continue;
        }
      if (next == close)
        {
          lexer->at++;
          return TRUE;
        }
      return arango_json_lexer_fail (lexer, is_object ? _("Expected “,” or “}”")
                                                      : _("Expected “,” or “]”"));
    }
}

/* Checks the value at lexer->at and steps over it, keeping nothing: the
 * same checks as reading it. */
gboolean
arango_json_lexer_skip_value (ArangoJsonLexer *lexer)
{
  gboolean is_integer;
  gboolean ok;

  switch (arango_json_lexer_peek (lexer))
    {
    case '\0':
      return arango_json_lexer_fail (lexer, _("Unexpected end of data"));
    case '{':
    case '[':
      if (++lexer->depth > ARANGO_JSON_MAX_DEPTH)
        return arango_json_lexer_fail (lexer, _("Nesting too deep"));
      ok = skip_container (lexer, *lexer->at == '{' ? '}' : ']');
      lexer->depth--;
      return ok;
    case '"':
      return arango_json_lexer_read_string (lexer, NULL);
    case 't':
      return arango_json_lexer_expect_word (lexer, "true");
    case 'f':
      return arango_json_lexer_expect_word (lexer, "false");
    case 'n':
      return arango_json_lexer_expect_word (lexer, "null");
    default:
      return scan_number (lexer, &is_integer);
    }
}

/* After the one value: only white space may follow. */
gboolean
arango_json_lexer_finish (ArangoJsonLexer *lexer)
{
  arango_json_lexer_skip_white_space (lexer);
  if (lexer->at < lexer->end)
    return arango_json_lexer_fail (lexer, _("Data after the JSON document"));
  return TRUE;
}
