/* arango-json.c: a JSON reader that builds json-glib trees
 *
 * json-glib's own parser goes through a general-purpose scanner and is
 * the whole cost of reading large query results; this one reads the bytes
 * directly into the same JsonNode trees. It accepts exactly one JSON
 * value (RFC 8259) with white space around it, requires valid UTF-8, and
 * limits nesting so that no input can exhaust the stack.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-json-private.h"

#define MAX_DEPTH 512

typedef struct
{
  const char *text;
  const char *end;
  const char *at;
  guint depth;
  GString *scratch;   /* the last string read; json-glib copies it anyway */
  GError **error;
} Reader;

static JsonNode *read_value (Reader *reader);

static gboolean
fail (Reader     *reader,
      const char *what)
{
  /* Only the first failure counts: later ones are consequences. */
  if (reader->error == NULL || *reader->error != NULL)
    return FALSE;
  g_set_error (reader->error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               _("%s at byte %" G_GSIZE_FORMAT), what, (gsize) (reader->at - reader->text));
  return FALSE;
}

static void
skip_white_space (Reader *reader)
{
  while (reader->at < reader->end &&
         (*reader->at == ' ' || *reader->at == '\n' || *reader->at == '\r' || *reader->at == '\t'))
    reader->at++;
}

static gboolean
expect_word (Reader     *reader,
             const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (reader->end - reader->at) < length || memcmp (reader->at, word, length) != 0)
    return fail (reader, _("Unexpected character"));
  reader->at += length;
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
read_hex4 (Reader   *reader,
           gunichar *value)
{
  *value = 0;
  if (reader->end - reader->at < 4)
    return fail (reader, _("Truncated \\u escape"));
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (reader->at[i]);

      if (digit < 0)
        return fail (reader, _("Invalid \\u escape"));
      *value = (*value << 4) | digit;
    }
  reader->at += 4;
  return TRUE;
}

static gboolean
read_escape (Reader  *reader,
             GString *out)
{
  char c;
  gunichar code;

  if (reader->at >= reader->end)
    return fail (reader, _("Truncated string"));
  c = *reader->at++;
  switch (c)
    {
    case '"': g_string_append_c (out, '"'); return TRUE;
    case '\\': g_string_append_c (out, '\\'); return TRUE;
    case '/': g_string_append_c (out, '/'); return TRUE;
    case 'b': g_string_append_c (out, '\b'); return TRUE;
    case 'f': g_string_append_c (out, '\f'); return TRUE;
    case 'n': g_string_append_c (out, '\n'); return TRUE;
    case 'r': g_string_append_c (out, '\r'); return TRUE;
    case 't': g_string_append_c (out, '\t'); return TRUE;
    case 'u':
      break;
    default:
      reader->at--;
      return fail (reader, _("Invalid escape"));
    }

  if (!read_hex4 (reader, &code))
    return FALSE;
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      gunichar low;

      if (reader->end - reader->at < 2 || reader->at[0] != '\\' || reader->at[1] != 'u')
        return fail (reader, _("Lone surrogate in \\u escape"));
      reader->at += 2;
      if (!read_hex4 (reader, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (reader, _("Lone surrogate in \\u escape"));
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (code >= 0xDC00 && code <= 0xDFFF)
    return fail (reader, _("Lone surrogate in \\u escape"));

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

/* Reads a string whose opening quote is at reader->at into the scratch
 * buffer; the result is valid until the next string is read. */
static const char *
read_string (Reader *reader)
{
  const char *start = ++reader->at;
  GString *out = reader->scratch;
  guint8 seen = 0;
  gboolean escaped = FALSE;

  g_string_truncate (out, 0);
  for (;;)
    {
      const char *at = reader->at;
      guint8 class = 0;
      guchar c;

      /* A local cursor: the compiler cannot keep reader->at in a register
       * across the writes of char data. */
      while (at < reader->end && !((class = string_byte_class[(guchar) *at]) & BYTE_STOP))
        {
          seen |= class;
          at++;
        }
      reader->at = at;
      if (at >= reader->end)
        break;

      c = (guchar) *at;
      if (c == '"')
        {
          if (escaped)
            g_string_append_len (out, start, reader->at - start);
          else
            {
              /* Most strings have no escape: one copy, no appending. */
              g_string_set_size (out, reader->at - start);
              memcpy (out->str, start, out->len);
            }
          reader->at++;
          if ((seen & BYTE_NON_ASCII) && !g_utf8_validate (out->str, out->len, NULL))
            {
              fail (reader, _("Invalid UTF-8 in string"));
              return NULL;
            }
          /* Raw control characters are refused below, so only an escape
           * can bring a NUL. */
          if (escaped && memchr (out->str, '\0', out->len) != NULL)
            {
              /* json-glib strings end at the first NUL. */
              fail (reader, _("NUL character in string"));
              return NULL;
            }
          return out->str;
        }
      if (c < 0x20)
        {
          fail (reader, _("Control character in string"));
          return NULL;
        }

      /* A backslash */
      g_string_append_len (out, start, reader->at - start);
      reader->at++;
      if (!read_escape (reader, out))
        return NULL;
      seen |= BYTE_NON_ASCII;
      escaped = TRUE;
      start = reader->at;
    }

  fail (reader, _("Unterminated string"));
  return NULL;
}

static JsonNode *
read_number (Reader *reader)
{
  const char *start = reader->at;
  gboolean is_integer = TRUE;
  JsonNode *node;

  if (reader->at < reader->end && *reader->at == '-')
    reader->at++;
  if (reader->at >= reader->end || !g_ascii_isdigit (*reader->at))
    {
      fail (reader, _("Invalid number"));
      return NULL;
    }
  if (*reader->at == '0')
    reader->at++;
  else
    while (reader->at < reader->end && g_ascii_isdigit (*reader->at))
      reader->at++;
  if (reader->at < reader->end && *reader->at == '.')
    {
      is_integer = FALSE;
      reader->at++;
      if (reader->at >= reader->end || !g_ascii_isdigit (*reader->at))
        {
          fail (reader, _("Invalid number"));
          return NULL;
        }
      while (reader->at < reader->end && g_ascii_isdigit (*reader->at))
        reader->at++;
    }
  if (reader->at < reader->end && (*reader->at == 'e' || *reader->at == 'E'))
    {
      is_integer = FALSE;
      reader->at++;
      if (reader->at < reader->end && (*reader->at == '+' || *reader->at == '-'))
        reader->at++;
      if (reader->at >= reader->end || !g_ascii_isdigit (*reader->at))
        {
          fail (reader, _("Invalid number"));
          return NULL;
        }
      while (reader->at < reader->end && g_ascii_isdigit (*reader->at))
        reader->at++;
    }

  node = json_node_alloc ();
  if (is_integer && reader->at - start <= 18)
    {
      gint64 value = 0;
      const char *digit = *start == '-' ? start + 1 : start;

      /* At most 18 digits cannot overflow a gint64. */
      for (; digit < reader->at; digit++)
        value = value * 10 + (*digit - '0');
      return json_node_init_int (node, *start == '-' ? -value : value);
    }
  else
    {
      /* g_ascii_strtod needs a terminated string. */
      char buffer[G_ASCII_DTOSTR_BUF_SIZE * 2];
      gsize length = reader->at - start;
      g_autofree char *long_text = NULL;
      const char *text = buffer;

      if (length < sizeof buffer)
        {
          memcpy (buffer, start, length);
          buffer[length] = '\0';
        }
      else
        text = long_text = g_strndup (start, length);

      if (is_integer)
        {
          gint64 value;

          /* Integers beyond gint64 are kept as doubles, as json-glib does. */
          if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
            return json_node_init_int (node, value);
        }
      return json_node_init_double (node, g_ascii_strtod (text, NULL));
    }
}

static JsonNode *
read_array (Reader *reader)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  reader->at++;
  skip_white_space (reader);
  if (reader->at < reader->end && *reader->at == ']')
    reader->at++;
  else
    for (;;)
      {
        JsonNode *element = read_value (reader);

        if (element == NULL)
          goto failed;
        json_array_add_element (array, element);
        skip_white_space (reader);
        if (reader->at < reader->end && *reader->at == ',')
          {
            reader->at++;
            continue;
          }
        if (reader->at < reader->end && *reader->at == ']')
          {
            reader->at++;
            break;
          }
        fail (reader, _("Expected “,” or “]”"));
        goto failed;
      }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;

failed:
  json_array_unref (array);
  return NULL;
}

/* Reads a member's value into @object. json-glib's typed setters skip
 * the lookup that json_object_set_member() makes first, so the common
 * scalar members cost one hash lookup less. */
static gboolean
read_member_value (Reader     *reader,
                   JsonObject *object,
                   const char *name)
{
  JsonNode *value;

  skip_white_space (reader);
  if (reader->at < reader->end)
    switch (*reader->at)
      {
      case '"':
        {
          const char *string = read_string (reader);

          if (string == NULL)
            return FALSE;
          json_object_set_string_member (object, name, string);
          return TRUE;
        }
      case 't':
        if (!expect_word (reader, "true"))
          return FALSE;
        json_object_set_boolean_member (object, name, TRUE);
        return TRUE;
      case 'f':
        if (!expect_word (reader, "false"))
          return FALSE;
        json_object_set_boolean_member (object, name, FALSE);
        return TRUE;
      case 'n':
        if (!expect_word (reader, "null"))
          return FALSE;
        json_object_set_null_member (object, name);
        return TRUE;
      default:
        break;
      }

  value = read_value (reader);
  if (value == NULL)
    return FALSE;
  json_object_set_member (object, name, value);
  return TRUE;
}

static JsonNode *
read_object (Reader *reader)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  reader->at++;
  skip_white_space (reader);
  if (reader->at < reader->end && *reader->at == '}')
    reader->at++;
  else
    for (;;)
      {
        char short_name[64];
        g_autofree char *long_name = NULL;
        const char *name;
        gsize name_length;

        if (reader->at >= reader->end || *reader->at != '"')
          {
            fail (reader, _("Expected a member name"));
            goto failed;
          }
        /* The name must outlive the value's own strings: short names are
         * kept on the stack, so most members cost no allocation here. */
        name = read_string (reader);
        if (name == NULL)
          goto failed;
        name_length = reader->scratch->len;
        if (name_length < sizeof short_name)
          name = memcpy (short_name, name, name_length + 1);
        else
          name = long_name = g_strndup (name, name_length);
        skip_white_space (reader);
        if (reader->at >= reader->end || *reader->at != ':')
          {
            fail (reader, _("Expected “:”"));
            goto failed;
          }
        reader->at++;
        if (!read_member_value (reader, object, name))
          goto failed;
        skip_white_space (reader);
        if (reader->at < reader->end && *reader->at == ',')
          {
            reader->at++;
            skip_white_space (reader);
            continue;
          }
        if (reader->at < reader->end && *reader->at == '}')
          {
            reader->at++;
            break;
          }
        fail (reader, _("Expected “,” or “}”"));
        goto failed;
      }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;

failed:
  json_object_unref (object);
  return NULL;
}

static JsonNode *
read_value (Reader *reader)
{
  JsonNode *node = NULL;

  skip_white_space (reader);
  if (reader->at >= reader->end)
    {
      fail (reader, _("Unexpected end of data"));
      return NULL;
    }

  switch (*reader->at)
    {
    case '{':
    case '[':
      if (++reader->depth > MAX_DEPTH)
        {
          fail (reader, _("Nesting too deep"));
          return NULL;
        }
      node = *reader->at == '{' ? read_object (reader) : read_array (reader);
      reader->depth--;
      return node;

    case '"':
      {
        const char *string = read_string (reader);

        return string ? json_node_init_string (json_node_alloc (), string) : NULL;
      }

    case 't':
      return expect_word (reader, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return expect_word (reader, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return expect_word (reader, "null") ? json_node_init_null (json_node_alloc ()) : NULL;

    default:
      return read_number (reader);
    }
}

/* Reads one JSON document; NULL with an error (domain JSON_PARSER_ERROR)
 * when @text is not exactly one JSON value. */
JsonNode *
arango_json_parse (const char  *text,
                   gsize        length,
                   GError     **error)
{
  GError *local_error = NULL;
  Reader reader = { text, text + length, text, 0, g_string_sized_new (64), &local_error };
  JsonNode *root = read_value (&reader);

  if (root != NULL)
    {
      skip_white_space (&reader);
      if (reader.at < reader.end)
        {
          fail (&reader, _("Data after the JSON document"));
          g_clear_pointer (&root, json_node_unref);
        }
    }
  g_string_free (reader.scratch, TRUE);
  if (root == NULL)
    g_propagate_error (error, local_error);
  return root;
}
