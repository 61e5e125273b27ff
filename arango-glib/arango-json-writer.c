/* arango-json-writer.c: compact JSON text from json-glib trees
 *
 * json-glib 1.6's generator appends ".0" to every double whose "%.17g"
 * text has no '.', so 1e22 comes out as "1e+22.0", which no JSON reader
 * accepts (the server refuses the whole request), and it writes NaN and
 * infinities as text that is not JSON either. This writer gives every
 * number its shortest form that reads back as the same double, and a
 * tree that has no JSON form is an error rather than a broken body.
 *
 * It also refuses trees nested more deeply than the library's readers
 * accept (ARANGO_JSON_MAX_DEPTH): what it writes always reads back, and
 * its recursion is bounded whatever tree an application builds.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "arango-enums.h"
#include "arango-error.h"
#include "arango-json-lexer-private.h"
#include "arango-json-private.h"

typedef struct
{
  GString *out;
  gboolean lenient;   /* what has no JSON form is written as null */
  guint depth;        /* of the containers being written, the top one at 1 */
  GError **error;
} Writer;

static gboolean write_node (Writer   *writer,
                            JsonNode *node);

/* Only fails in strict mode; @format names the problem. */
static gboolean G_GNUC_PRINTF (2, 3)
refuse (Writer     *writer,
        const char *format,
        ...)
{
  va_list args;

  if (writer->lenient)
    {
      g_string_append (writer->out, "null");
      return TRUE;
    }
  va_start (args, format);
  g_propagate_error (writer->error,
                     g_error_new_valist (ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                                         format, args));
  va_end (args);
  return FALSE;
}

/* The fewest significant digits that read back as the same double:
 * "0.1", not "0.10000000000000001". GLib 2.74's g_ascii_dtostr() always
 * writes 17 digits. Up to 15 digits every decimal survives the trip to a
 * double and back, so "%.15g" is exact whenever a short form exists; the
 * correctly rounded 16 digits are the nearest 16-digit form, and 17 always
 * read back. */
static void
write_double (Writer *writer,
              double  value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }
  g_string_append (writer->out, text);

  /* "%g" writes an integral double as digits only ("100", "-0"), which a
   * JSON reader takes for an integer. ".0" keeps it a double: the library's
   * reader and json-glib's then give back the node that was written (so
   * ArangoDocument's text reads back as the same value, as it did with
   * json-glib's generator), -0.0 keeps its sign, and the server stores it
   * as the double it was, which it compares equal to the integer anyway.
   * With an exponent ("1e+22") the text already reads as a double. */
  if (strpbrk (text, ".e") == NULL)
    g_string_append (writer->out, ".0");
}

static const char *
name_of_non_finite (double value)
{
  if (isnan (value))
    return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}

/* Escapes only what JSON requires: '"', '\\' and the control characters;
 * the rest of the UTF-8 is copied as it is. Strings that are not UTF-8
 * are refused, as the server refuses them; the lenient writer replaces
 * the bad bytes with U+FFFD. */
static gboolean
write_string (Writer     *writer,
              const char *string)
{
  g_autofree char *valid = NULL;
  GString *out = writer->out;
  const char *run;
  const char *at;

  if (!g_utf8_validate (string, -1, NULL))
    {
      if (!writer->lenient)
        return refuse (writer, _("A string is not valid UTF-8"));
      string = valid = g_utf8_make_valid (string, -1);
    }

  g_string_append_c (out, '"');
  for (run = at = string; *at != '\0'; at++)
    {
      guchar c = *at;
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      arango_json_append (out, run, at - run);
      run = at + 1;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          continue;
        }
      g_string_append (out, escape);
    }
  arango_json_append (out, run, at - run);
  g_string_append_c (out, '"');
  return TRUE;
}

static gboolean
write_value (Writer   *writer,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  switch (type)
    {
    case G_TYPE_INT64:
      g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        if (!isfinite (value))
          return refuse (writer, _("The number %s has no JSON form"),
                         name_of_non_finite (value));
        write_double (writer, value);
        return TRUE;
      }
    case G_TYPE_BOOLEAN:
      g_string_append (writer->out, json_node_get_boolean (node) ? "true" : "false");
      return TRUE;
    case G_TYPE_STRING:
      return write_string (writer, json_node_get_string (node));
    default:
      /* json-glib keeps only the four types above; a value node that was
       * never given a value has none. */
      return refuse (writer, _("A JSON value node holds no value"));
    }
}

static gboolean
write_object (Writer     *writer,
              JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (writer->out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append_c (writer->out, ',');
      first = FALSE;
      if (!write_string (writer, name))
        return FALSE;
      g_string_append_c (writer->out, ':');
      if (!write_node (writer, member))
        return FALSE;
    }
  g_string_append_c (writer->out, '}');
  return TRUE;
}

static gboolean
write_array (Writer    *writer,
             JsonArray *array)
{
  guint length = json_array_get_length (array);

  g_string_append_c (writer->out, '[');
  for (guint i = 0; i < length; i++)
    {
      if (i > 0)
        g_string_append_c (writer->out, ',');
      if (!write_node (writer, json_array_get_element (array, i)))
        return FALSE;
    }
  g_string_append_c (writer->out, ']');
  return TRUE;
}

/* The level is counted before going down into a container, so the
 * recursion never goes deeper than the limit. */
static gboolean
write_container (Writer   *writer,
                 JsonNode *node)
{
  gboolean written;

  if (writer->depth == ARANGO_JSON_MAX_DEPTH)
    return refuse (writer, _("A JSON value is nested more than %d levels deep"),
                   ARANGO_JSON_MAX_DEPTH);

  writer->depth++;
  if (JSON_NODE_TYPE (node) == JSON_NODE_OBJECT)
    written = write_object (writer, json_node_get_object (node));
  else
    written = write_array (writer, json_node_get_array (node));
  writer->depth--;
  return written;
}

static gboolean
write_node (Writer   *writer,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      if (json_node_get_object (node) == NULL)
        return refuse (writer, _("A JSON object node holds no object"));
      return write_container (writer, node);
    case JSON_NODE_ARRAY:
      if (json_node_get_array (node) == NULL)
        return refuse (writer, _("A JSON array node holds no array"));
      return write_container (writer, node);
    case JSON_NODE_VALUE:
      return write_value (writer, node);
    case JSON_NODE_NULL:
    default:
      g_string_append (writer->out, "null");
      return TRUE;
    }
}

static char *
write_text (JsonNode  *node,
            gboolean   lenient,
            gsize     *length,
            GError   **error)
{
  Writer writer = { g_string_sized_new (64), lenient, 0, error };

  if (!write_node (&writer, node))
    {
      g_string_free (writer.out, TRUE);
      return NULL;
    }
  if (length)
    *length = writer.out->len;
  return g_string_free (writer.out, FALSE);
}

/* @node as compact JSON text (no white space, members in their order),
 * or NULL with ARANGO_ERROR_INVALID_ARGUMENT when it holds something JSON
 * has no form for: NaN or an infinity, a string that is not UTF-8, a node
 * without its value; or when it is nested more than ARANGO_JSON_MAX_DEPTH
 * levels deep, which the readers would refuse. @length (nullable)
 * receives the text's length. */
char *
arango_json_write (JsonNode  *node,
                   gsize     *length,
                   GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = write_text (node, FALSE, length, &local_error);

  if (text == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return text;
}

/* Like arango_json_write(), for text shown to the user where nothing can
 * fail: what has no JSON form is written as null, and so is each
 * container nested too deeply; bytes that are not UTF-8 as U+FFFD. */
char *
arango_json_write_lenient (JsonNode *node,
                           gsize    *length)
{
  return write_text (node, TRUE, length, NULL);
}
