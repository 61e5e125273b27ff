/* arango-options.c: option objects, whose properties become a request's
 * JSON members and headers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * ArangoQueryOptions, ArangoTransactionOptions, ArangoDatabaseOptions and
 * ArangoTaskOptions are bags of properties; what they have in common is
 * kept here: the storage of the values, and the rule that only a value
 * other than the property's default is sent, so that everything left
 * alone keeps the server's default.
 */

#include "config.h"

#include "arango-options-private.h"

typedef struct
{
  gsize        values_offset;
  GParamSpec **pspecs;
  guint        n;
} OptionClass;

static GQuark
option_class_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("arango-option-class");
  return quark;
}

static GValue *
values_of (GObject      *object,
           OptionClass **option_class)
{
  *option_class = g_type_get_qdata (G_OBJECT_TYPE (object), option_class_quark ());
  return G_STRUCT_MEMBER_P (object, (*option_class)->values_offset);
}

static void
option_finalize (GObject *object)
{
  OptionClass *option_class;
  GValue *values = values_of (object, &option_class);
  GObjectClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  for (guint i = 0; i < option_class->n; i++)
    g_value_unset (&values[i]);

  parent_class->finalize (object);
}

static void
option_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  OptionClass *option_class;
  GValue *values = values_of (object, &option_class);

  if (prop_id == 0 || prop_id > option_class->n)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_copy (&values[prop_id - 1], value);
}

static void
option_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  OptionClass *option_class;
  GValue *values = values_of (object, &option_class);

  if (prop_id == 0 || prop_id > option_class->n)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_copy (value, &values[prop_id - 1]);
}

void
arango_option_class_install (GObjectClass  *object_class,
                             gsize          values_offset,
                             GParamSpec   **pspecs,
                             guint          n)
{
  OptionClass *option_class = g_new (OptionClass, 1);

  option_class->values_offset = values_offset;
  option_class->pspecs = pspecs;
  option_class->n = n;
  /* Lives as long as the type: for good. */
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), option_class_quark (), option_class);

  object_class->finalize = option_finalize;
  object_class->get_property = option_get_property;
  object_class->set_property = option_set_property;
  g_object_class_install_properties (object_class, n + 1, pspecs);
}

void
arango_option_values_init (GValue      *values,
                           GParamSpec **pspecs,
                           guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_value_init (&values[i], G_PARAM_SPEC_VALUE_TYPE (pspecs[i + 1]));
      g_param_value_set_default (pspecs[i + 1], &values[i]);
    }
}

/* NULL for an empty list: the server's default. */
static JsonNode *
json_for_value (const GValue *value)
{
  /* A JSON value of its own (ArangoTaskOptions:params) goes as it is. */
  if (G_VALUE_HOLDS (value, JSON_TYPE_NODE))
    return g_value_dup_boxed (value);

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
    case G_TYPE_INT:
      return json_node_init_int (json_node_alloc (), g_value_get_int (value));
    case G_TYPE_UINT:
      return json_node_init_int (json_node_alloc (), g_value_get_uint (value));
    case G_TYPE_UINT64:
      return json_node_init_int (json_node_alloc (), (gint64) g_value_get_uint64 (value));
    case G_TYPE_DOUBLE:
      return json_node_init_double (json_node_alloc (), g_value_get_double (value));
    case G_TYPE_STRING:
      return json_node_init_string (json_node_alloc (), g_value_get_string (value));
    default:
      {
        const char * const *strings = g_value_get_boxed (value);
        JsonArray *list;

        g_assert (G_VALUE_HOLDS (value, G_TYPE_STRV));
        if (strings == NULL || strings[0] == NULL)
          return NULL;
        list = json_array_new ();
        for (guint i = 0; strings[i]; i++)
          json_array_add_string_element (list, strings[i]);
        return json_node_init_array (json_node_alloc (), list);
      }
    }
}

/* Sets @body's member at @path ("options.optimizer.rules"), making the
 * objects on the way; takes @value. */
static void
set_at_path (JsonObject *body,
             const char *path,
             JsonNode   *value)
{
  g_auto(GStrv) names = g_strsplit (path, ".", -1);
  JsonObject *object = body;
  guint last = g_strv_length (names) - 1;

  for (guint i = 0; i < last; i++)
    {
      JsonNode *member = json_object_get_member (object, names[i]);

      if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
        {
          object = json_node_get_object (member);
        }
      else
        {
          JsonObject *inner = json_object_new ();

          json_object_set_object_member (object, names[i], inner);
          object = inner;
        }
    }
  json_object_set_member (object, names[last], value);
}

void
arango_option_values_apply (const GValue           *values,
                            GParamSpec            **pspecs,
                            const ArangoOptionSpec *specs,
                            guint                   n,
                            JsonObject             *body,
                            ArangoRequest          *request)
{
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node;

      if (g_param_value_defaults (pspecs[i + 1], &values[i]))
        continue;

      if (specs[i].in_header)
        {
          g_assert (G_VALUE_HOLDS_BOOLEAN (&values[i]));
          if (request != NULL && g_value_get_boolean (&values[i]))
            arango_request_add_header (request, specs[i].target, "true");
          continue;
        }

      if (specs[i].as_string != NULL)
        {
          g_assert (G_VALUE_HOLDS_BOOLEAN (&values[i]));
          node = g_value_get_boolean (&values[i])
            ? json_node_init_string (json_node_alloc (), specs[i].as_string) : NULL;
        }
      else
        {
          node = json_for_value (&values[i]);
        }
      if (node != NULL)
        set_at_path (body, specs[i].target, node);
    }
}
