/* arango-document-object.c: one document (or any query result) as a GObject
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-document-object.h"
#include "arango-json-private.h"

/**
 * ArangoDocument:
 *
 * One JSON value as a GObject, usually a document: the items of an
 * [class@QueryModel] are documents, so a list view can show them and bind
 * to their [property@Document:key], [property@Document:id] and
 * [property@Document:rev].
 *
 * A document wraps any JSON value: a query that returns numbers or
 * strings (`RETURN LENGTH(users)`) gives documents whose
 * [method@Document.get_object] is %NULL, and whose key, id and revision
 * are %NULL too. Read the value with [method@Document.get_value].
 *
 * A document holds a reference to its value rather than a copy, and is
 * immutable: treat what the getters return as read-only.
 */

struct _ArangoDocument
{
  GObject parent_instance;

  JsonNode *value;
};

G_DEFINE_FINAL_TYPE (ArangoDocument, arango_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_KEY,
  PROP_ID,
  PROP_REV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_document_finalize (GObject *object)
{
  ArangoDocument *self = ARANGO_DOCUMENT (object);

  g_clear_pointer (&self->value, json_node_unref);

  G_OBJECT_CLASS (arango_document_parent_class)->finalize (object);
}

static void
arango_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ArangoDocument *self = ARANGO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_boxed (value, self->value);
      break;
    case PROP_KEY:
      g_value_set_string (value, arango_document_get_key (self));
      break;
    case PROP_ID:
      g_value_set_string (value, arango_document_get_id (self));
      break;
    case PROP_REV:
      g_value_set_string (value, arango_document_get_rev (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ArangoDocument *self = ARANGO_DOCUMENT (object);
  JsonNode *node;

  switch (prop_id)
    {
    case PROP_VALUE:
      node = g_value_get_boxed (value);
      /* A document made with g_object_new() and no value holds null */
      self->value = node != NULL ? json_node_ref (node) : json_node_new (JSON_NODE_NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_document_class_init (ArangoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_document_finalize;
  object_class->get_property = arango_document_get_property;
  object_class->set_property = arango_document_set_property;

  /**
   * ArangoDocument:value: (getter get_value)
   *
   * The JSON value the document holds.
   */
  properties[PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL, JSON_TYPE_NODE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDocument:key: (getter get_key)
   *
   * The `_key` member, or %NULL when there is none.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDocument:id: (getter get_id)
   *
   * The `_id` member (`collection/key`), or %NULL when there is none.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDocument:rev: (getter get_rev)
   *
   * The `_rev` member, or %NULL when there is none.
   */
  properties[PROP_REV] =
    g_param_spec_string ("rev", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_document_init (ArangoDocument *self)
{
}

/**
 * arango_document_new:
 * @value: any JSON value
 *
 * Makes a document holding @value. The document takes a reference on
 * @value, not a copy: do not change @value afterwards.
 *
 * Returns: (transfer full): a new #ArangoDocument
 */
ArangoDocument *
arango_document_new (JsonNode *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return g_object_new (ARANGO_TYPE_DOCUMENT, "value", value, NULL);
}

/**
 * arango_document_new_for_object:
 * @object: a JSON object, e.g. a document as arango_collection_get_finish()
 *   returns it
 *
 * Makes a document holding @object, without copying it: do not change
 * @object afterwards.
 *
 * Returns: (transfer full): a new #ArangoDocument
 */
ArangoDocument *
arango_document_new_for_object (JsonObject *object)
{
  g_autoptr(JsonNode) value = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  value = json_node_init_object (json_node_alloc (), object);
  return arango_document_new (value);
}

static const char *
string_member (ArangoDocument *self,
               const char     *name)
{
  JsonNode *member = arango_document_get_member (self, name);

  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

/**
 * arango_document_get_key:
 * @self: an #ArangoDocument
 *
 * Gets the document's `_key`.
 *
 * Returns: (nullable): the key, or %NULL when the value has none
 */
const char *
arango_document_get_key (ArangoDocument *self)
{
  g_return_val_if_fail (ARANGO_IS_DOCUMENT (self), NULL);

  return string_member (self, "_key");
}

/**
 * arango_document_get_id:
 * @self: an #ArangoDocument
 *
 * Gets the document's `_id`, `collection/key`.
 *
 * Returns: (nullable): the id, or %NULL when the value has none
 */
const char *
arango_document_get_id (ArangoDocument *self)
{
  g_return_val_if_fail (ARANGO_IS_DOCUMENT (self), NULL);

  return string_member (self, "_id");
}

/**
 * arango_document_get_rev:
 * @self: an #ArangoDocument
 *
 * Gets the document's revision, `_rev`.
 *
 * Returns: (nullable): the revision, or %NULL when the value has none
 */
const char *
arango_document_get_rev (ArangoDocument *self)
{
  g_return_val_if_fail (ARANGO_IS_DOCUMENT (self), NULL);

  return string_member (self, "_rev");
}

/**
 * arango_document_get_value:
 * @self: an #ArangoDocument
 *
 * Gets the JSON value the document holds.
 *
 * Returns: (transfer none): the value
 */
JsonNode *
arango_document_get_value (ArangoDocument *self)
{
  g_return_val_if_fail (ARANGO_IS_DOCUMENT (self), NULL);

  return self->value;
}

/**
 * arango_document_get_object:
 * @self: an #ArangoDocument
 *
 * Gets the whole document as a JSON object.
 *
 * Returns: (transfer none) (nullable): the object, or %NULL when the value
 *   is not an object
 */
JsonObject *
arango_document_get_object (ArangoDocument *self)
{
  g_return_val_if_fail (ARANGO_IS_DOCUMENT (self), NULL);

  if (!JSON_NODE_HOLDS_OBJECT (self->value))
    return NULL;
  return json_node_get_object (self->value);
}

/**
 * arango_document_has_member:
 * @self: an #ArangoDocument
 * @name: a member name, e.g. "name" or "_key"
 *
 * Checks whether the document has the member @name.
 *
 * Returns: %TRUE if it has; %FALSE if not, or when the value is not an
 *   object
 */
gboolean
arango_document_has_member (ArangoDocument *self,
                            const char     *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return arango_document_get_member (self, name) != NULL;
}

/**
 * arango_document_get_member:
 * @self: an #ArangoDocument
 * @name: a member name, e.g. "name" or "_key"
 *
 * Gets one member of the document.
 *
 * Returns: (transfer none) (nullable): the member's value, or %NULL when
 *   there is no such member or the value is not an object
 */
JsonNode *
arango_document_get_member (ArangoDocument *self,
                            const char     *name)
{
  JsonObject *object;

  g_return_val_if_fail (name != NULL, NULL);

  object = arango_document_get_object (self);
  if (object == NULL)
    return NULL;
  return json_object_get_member (object, name);
}

/**
 * arango_document_to_json:
 * @self: an #ArangoDocument
 *
 * Writes the value as compact JSON text. Each number has the shortest
 * form that reads back as the same number, and a double keeps a decimal
 * point or an exponent (`100.0`, `1e+22`). What JSON has no form for is
 * written as `null`: NaN and the infinities (which the calls that send a
 * value refuse with %ARANGO_ERROR_INVALID_ARGUMENT), and every array or
 * object below the 512th level of nesting (which those calls refuse too,
 * as the library reads no deeper); bytes of a string that are not UTF-8
 * become U+FFFD.
 *
 * Returns: (transfer full): the JSON text
 */
char *
arango_document_to_json (ArangoDocument *self)
{
  g_return_val_if_fail (ARANGO_IS_DOCUMENT (self), NULL);

  return arango_json_write_lenient (self->value, NULL);
}
