/* emulator-json-syntax.c: why a request body is not JSON, in the server's words
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The server parses bodies with VelocyPack's JSON parser and answers 400/600
 * "VPackError error: <what the parser says>" (3.12/RestDocumentHandlerPostBadJson1_single.json:
 * "Expecting '\"' or '}'" for `{ 1: "World" }`). json-glib's messages are
 * different, so a failed body is scanned again here, the way that parser
 * walks it, to find the first thing it would object to and its text.
 */

#include <string.h>

#include "emulator-json-syntax.h"

typedef struct {
  const guchar *p;
  const guchar *end;
} Scan;

static const char *scan_value (Scan *scan);

static gboolean
is_blank (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next significant byte, or -1 at the end of the input. */
static int
peek_significant (Scan *scan)
{
  while (scan->p < scan->end && is_blank (*scan->p))
    scan->p++;
  return scan->p < scan->end ? *scan->p : -1;
}

static const char *
scan_word (Scan       *scan,
           const char *rest,
           const char *message)
{
  for (; *rest != '\0'; rest++, scan->p++)
    if (scan->p >= scan->end || *scan->p != (guchar) *rest)
      return message;
  return NULL;
}

static gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

static int
next_byte (Scan *scan)
{
  return scan->p < scan->end ? *scan->p++ : -1;
}

static const char *
scan_number (Scan *scan)
{
  int c = next_byte (scan);

  if (c == '-' && (c = next_byte (scan)) < 0)
    return "Incomplete number";
  if (!is_digit (c))
    return "Expecting digit";
  if (c != '0')
    while (scan->p < scan->end && is_digit (*scan->p))
      scan->p++;
  if (scan->p < scan->end && *scan->p == '.')
    {
      scan->p++;
      if (scan->p >= scan->end || !is_digit (*scan->p))
        return "Incomplete number";
      while (scan->p < scan->end && is_digit (*scan->p))
        scan->p++;
    }
  if (scan->p < scan->end && (*scan->p == 'e' || *scan->p == 'E'))
    {
      scan->p++;
      if (scan->p < scan->end && (*scan->p == '+' || *scan->p == '-'))
        scan->p++;
      if (scan->p >= scan->end || !is_digit (*scan->p))
        return "Incomplete number";
      while (scan->p < scan->end && is_digit (*scan->p))
        scan->p++;
    }
  return NULL;
}

/* After the opening quote. */
static const char *
scan_string (Scan *scan)
{
  for (;;)
    {
      int c = next_byte (scan);
      guint i;

      if (c < 0)
        return "Unfinished string";
      if (c == '"')
        return NULL;
      if (c < 0x20)
        return "Unexpected control character";
      if (c != '\\')
        continue;
      c = next_byte (scan);
      if (c < 0)
        return "Invalid escape sequence";
      if (c != 'u')
        {
          if (c != '"' && c != '/' && c != '\\' && c != 'b' && c != 'f' &&
              c != 'n' && c != 'r' && c != 't')
            return "Invalid escape sequence";
          continue;
        }
      for (i = 0; i < 4; i++)
        {
          c = next_byte (scan);
          if (c < 0)
            return "Unfinished \\uXXXX escape sequence";
          if (!g_ascii_isxdigit (c))
            return "Illegal \\uXXXX escape sequence character";
        }
    }
}

static const char *
scan_array (Scan *scan)
{
  const char *error;
  int c;

  if ((c = peek_significant (scan)) < 0)
    return "Expecting item or ']'";
  if (c == ']')
    {
      scan->p++;
      return NULL;
    }
  for (;;)
    {
      if ((error = scan_value (scan)) != NULL)
        return error;
      c = peek_significant (scan);
      if (c == ']')
        {
          scan->p++;
              return NULL;
        }
      if (c != ',')
        return "Expecting ',' or ']'";
      scan->p++;
    }
}

static const char *
scan_object (Scan *scan)
{
  const char *error;
  int c;

  if ((c = peek_significant (scan)) < 0)
    return "Expecting item or '}'";
  if (c == '}')
    {
      scan->p++;
      return NULL;
    }
  for (;;)
    {
      if (c != '"')
        return "Expecting '\"' or '}'";
      scan->p++;
      if ((error = scan_string (scan)) != NULL)
        return error;
      if (peek_significant (scan) != ':')
        return "Expecting ':'";
      scan->p++;
      if ((error = scan_value (scan)) != NULL)
        return error;
      c = peek_significant (scan);
      if (c == '}')
        {
          scan->p++;
              return NULL;
        }
      if (c != ',')
        return "Expecting ',' or '}'";
      scan->p++;
      c = peek_significant (scan);
      if (c < 0)
        return "Expecting '\"' or '}'";
    }
}

static const char *
scan_value (Scan *scan)
{
  int c = peek_significant (scan);

  if (c < 0)
    return "Expecting item";
  switch (c)
    {
    case '{':
      scan->p++;
      return scan_object (scan);
    case '[':
      scan->p++;
      return scan_array (scan);
    case '"':
      scan->p++;
      return scan_string (scan);
    case 't':
      return scan_word (scan, "true", "Expecting 'true'");
    case 'f':
      return scan_word (scan, "false", "Expecting 'false'");
    case 'n':
      return scan_word (scan, "null", "Expecting 'null'");
    default:
      return scan_number (scan);
    }
}

/* The parser's complaint about data, or NULL when it would accept it. */
const char *
emu_json_syntax_error (const char *data,
                       gsize       length)
{
  Scan scan = { (const guchar *) data, (const guchar *) data + length };
  const char *error;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    scan.p += 3;
  if ((error = scan_value (&scan)) != NULL)
    return error;
  if (peek_significant (&scan) >= 0)
    return "Expecting EOF";
  return NULL;
}
