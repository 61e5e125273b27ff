/* fuzz-json-writer.c: the JSON writer against the JSON reader
 *
 * Whatever the reader accepts, the writer writes as text that the reader
 * reads back as the same tree, and writing that tree again gives the same
 * text. The one tree it may refuse is one with a number the reader took
 * as an infinity (1e400): then it must say so, with INVALID_ARGUMENT.
 *
 * The same tree one level deeper, inside an array, is refused exactly
 * when that level is one more than the reader accepts, and otherwise
 * written as the text above in brackets; the lenient writer's text of it
 * always reads back.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "arango-json-lexer-private.h"
#include "arango-json-private.h"
#include "fuzz-support.h"

static gboolean
has_non_finite (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

        for (GList *l = members; l != NULL; l = l->next)
          if (has_non_finite (l->data))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (has_non_finite (json_array_get_element (array, i)))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_DOUBLE &&
             !isfinite (json_node_get_double (node));
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

/* Containers one inside another, the outermost counted as the reader
 * counts them. */
static guint
depth_of (JsonNode *node)
{
  guint deepest = 0;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

        for (GList *l = members; l != NULL; l = l->next)
          {
            guint depth = depth_of (l->data);

            deepest = MAX (deepest, depth);
          }
        return deepest + 1;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            guint depth = depth_of (json_array_get_element (array, i));

            deepest = MAX (deepest, depth);
          }
        return deepest + 1;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return 0;
    }
}

/* @text is what the writer made of @read, NULL if it refused it. */
static void
check_one_level_deeper (JsonNode   *read,
                        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) wrapped = json_node_init_array (json_node_alloc (), array);
  g_autoptr(JsonNode) read_back = NULL;
  g_autofree char *wrapped_text = NULL;
  g_autofree char *lenient_text = NULL;
  gsize length = 0;

  json_array_add_element (array, json_node_ref (read));
  wrapped_text = arango_json_write (wrapped, NULL, &error);
  if (text == NULL || depth_of (read) == ARANGO_JSON_MAX_DEPTH)
    {
      g_assert_null (wrapped_text);
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  else
    {
      g_autofree char *expected = g_strconcat ("[", text, "]", NULL);

      g_assert_no_error (error);
      g_assert_cmpstr (wrapped_text, ==, expected);
    }

  lenient_text = arango_json_write_lenient (wrapped, &length);
  read_back = arango_json_parse (lenient_text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_back);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = arango_json_parse ((const char *) data, size, NULL);
  g_autoptr(JsonNode) read_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0;

  if (read == NULL)
    return 0;

  text = arango_json_write (read, &length, &error);
  check_one_level_deeper (read, text);
  if (has_non_finite (read))
    {
      g_assert_null (text);
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (text));

  read_again = arango_json_parse (text, length, &error);
  g_assert_no_error (error);
  fuzz_assert_same_json (read, read_again);
  text_again = arango_json_write (read_again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, text_again);
  return 0;
}
