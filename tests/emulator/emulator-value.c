/* emulator-value.c: JSON values with AQL's comparison and conversion rules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-value.h"

#include <math.h>
#include <string.h>

enum {
  RANK_NULL,
  RANK_BOOL,
  RANK_NUMBER,
  RANK_STRING,
  RANK_ARRAY,
  RANK_OBJECT,
};

int
emu_value_type_rank (JsonNode *value)
{
  if (value == NULL)
    return RANK_NULL;

  switch (JSON_NODE_TYPE (value))
    {
    case JSON_NODE_OBJECT:
      return RANK_OBJECT;
    case JSON_NODE_ARRAY:
      return RANK_ARRAY;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_BOOLEAN:
          return RANK_BOOL;
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return RANK_NUMBER;
        case G_TYPE_STRING:
          return RANK_STRING;
        default:
          return RANK_NULL;
        }
    case JSON_NODE_NULL:
    default:
      return RANK_NULL;
    }
}

gboolean
emu_value_is_number (JsonNode *value)
{
  return emu_value_type_rank (value) == RANK_NUMBER;
}

static int
compare_numbers (JsonNode *a,
                 JsonNode *b)
{
  if (json_node_get_value_type (a) == G_TYPE_INT64 &&
      json_node_get_value_type (b) == G_TYPE_INT64)
    {
      gint64 x = json_node_get_int (a), y = json_node_get_int (b);

      return x < y ? -1 : x > y;
    }
  else
    {
      gdouble x = json_node_get_double (a), y = json_node_get_double (b);

      return x < y ? -1 : x > y;
    }
}

static int
compare_arrays (JsonArray *a,
                JsonArray *b)
{
  guint n = MAX (json_array_get_length (a), json_array_get_length (b));
  guint i;

  /* The shorter array is padded with nulls. */
  for (i = 0; i < n; i++)
    {
      JsonNode *x = i < json_array_get_length (a) ? json_array_get_element (a, i) : NULL;
      JsonNode *y = i < json_array_get_length (b) ? json_array_get_element (b, i) : NULL;
      int result = emu_value_compare (x, y);

      if (result != 0)
        return result;
    }

  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_names (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_strings);

  return names;
}

/* Objects compare by their attribute names in sorted order, a missing
 * attribute counting as null. */
static int
compare_objects (JsonObject *a,
                 JsonObject *b)
{
  g_autoptr(GPtrArray) names_a = sorted_names (a);
  g_autoptr(GPtrArray) names_b = sorted_names (b);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint i = 0, j = 0;

  /* Merge both name lists. */
  while (i < names_a->len || j < names_b->len)
    {
      const char *x = i < names_a->len ? g_ptr_array_index (names_a, i) : NULL;
      const char *y = j < names_b->len ? g_ptr_array_index (names_b, j) : NULL;
      int order = x == NULL ? 1 : y == NULL ? -1 : strcmp (x, y);

      g_ptr_array_add (names, (gpointer) (order <= 0 ? x : y));
      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }

  for (i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int result = emu_value_compare (json_object_get_member (a, name),
                                      json_object_get_member (b, name));

      if (result != 0)
        return result;
    }

  return 0;
}

int
emu_value_compare (JsonNode *a,
                   JsonNode *b)
{
  int rank_a = emu_value_type_rank (a);
  int rank_b = emu_value_type_rank (b);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  switch (rank_a)
    {
    case RANK_BOOL:
      return (int) json_node_get_boolean (a) - (int) json_node_get_boolean (b);
    case RANK_NUMBER:
      return compare_numbers (a, b);
    case RANK_STRING:
      {
        int result = strcmp (json_node_get_string (a), json_node_get_string (b));

        return result < 0 ? -1 : result > 0;
      }
    case RANK_ARRAY:
      return compare_arrays (json_node_get_array (a), json_node_get_array (b));
    case RANK_OBJECT:
      return compare_objects (json_node_get_object (a), json_node_get_object (b));
    case RANK_NULL:
    default:
      return 0;
    }
}

gboolean
emu_value_equal (JsonNode *a,
                 JsonNode *b)
{
  return emu_value_compare (a, b) == 0;
}

/* null, false, 0 and "" are false; arrays and objects are always true. */
gboolean
emu_value_truthy (JsonNode *value)
{
  switch (emu_value_type_rank (value))
    {
    case RANK_BOOL:
      return json_node_get_boolean (value);
    case RANK_NUMBER:
      return json_node_get_double (value) != 0.0;
    case RANK_STRING:
      return *json_node_get_string (value) != '\0';
    case RANK_ARRAY:
    case RANK_OBJECT:
      return TRUE;
    case RANK_NULL:
    default:
      return FALSE;
    }
}

/* AQL's TO_NUMBER: true 1, numeric strings their value, a one-element
 * array its element's number, everything else 0. */
gdouble
emu_value_to_number (JsonNode *value)
{
  switch (emu_value_type_rank (value))
    {
    case RANK_BOOL:
      return json_node_get_boolean (value) ? 1.0 : 0.0;
    case RANK_NUMBER:
      return json_node_get_double (value);
    case RANK_STRING:
      {
        const char *text = json_node_get_string (value);
        char *end = NULL;
        gdouble number;

        while (g_ascii_isspace (*text))
          text++;
        if (*text == '\0')
          return 0.0;
        number = g_ascii_strtod (text, &end);
        while (end != NULL && g_ascii_isspace (*end))
          end++;
        return end != NULL && *end == '\0' && isfinite (number) ? number : 0.0;
      }
    case RANK_ARRAY:
      {
        JsonArray *array = json_node_get_array (value);

        if (json_array_get_length (array) == 1)
          return emu_value_to_number (json_array_get_element (array, 0));
        return 0.0;
      }
    case RANK_NULL:
    case RANK_OBJECT:
    default:
      return 0.0;
    }
}

JsonNode *
emu_value_null (void)
{
  return json_node_new (JSON_NODE_NULL);
}

JsonNode *
emu_value_boolean (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

JsonNode *
emu_value_int (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

/* A whole number that fits stays an integer, as VelocyPack keeps it;
 * NaN and the infinities become null. */
JsonNode *
emu_value_number (gdouble value)
{
  JsonNode *node;

  if (!isfinite (value))
    return emu_value_null ();

  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    return emu_value_int ((gint64) value);

  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (node, value);
  return node;
}

JsonNode *
emu_value_string (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

/* json_node_init_object() and json_node_init_array() take a reference of
 * their own; these adopt the caller's. */
JsonNode *
emu_value_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
emu_value_take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}
