/* arango-cursor-batch.c: one batch of a cursor, until the caller says in
 * which form it wants it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-cursor-batch-private.h"
#include "arango-error.h"
#include "arango-json-private.h"

/* Takes the result array of @response; FALSE when it has none. */
gboolean
arango_cursor_batch_take (ArangoCursorBatch *self,
                          ArangoResponse    *response)
{
  JsonNode *result;

  arango_cursor_batch_clear (self);
  if (response->deferred != NULL)
    {
      gsize length;
      const char *text = g_bytes_get_data (response->deferred, &length);

      /* The reader checked the whole value: only its kind is left. */
      if (length == 0 || text[0] != '[')
        return FALSE;
      self->text = g_bytes_ref (response->deferred);
      return TRUE;
    }

  if (response->body == NULL || !JSON_NODE_HOLDS_OBJECT (response->body))
    return FALSE;
  result = json_object_get_member (json_node_get_object (response->body), "result");
  if (result == NULL || !JSON_NODE_HOLDS_ARRAY (result))
    return FALSE;
  self->array = json_array_ref (json_node_get_array (result));
  return TRUE;
}

gboolean
arango_cursor_batch_is_set (ArangoCursorBatch *self)
{
  return self->text != NULL || self->array != NULL;
}

void
arango_cursor_batch_clear (ArangoCursorBatch *self)
{
  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->array, json_array_unref);
}

static JsonArray *
to_array (ArangoCursorBatch  *self,
          GError            **error)
{
  gsize length;
  const char *text;
  g_autoptr(JsonNode) node = NULL;

  if (self->array != NULL)
    return json_array_ref (self->array);

  text = g_bytes_get_data (self->text, &length);
  node = arango_json_parse (text, length, error);
  return node ? json_array_ref (json_node_get_array (node)) : NULL;
}

/* Only an async job's reply comes decoded, so this path is rare. It
 * cannot go back through text: json-glib 1.6 writes some doubles as no
 * reader takes them (1e22 as "1e+22.0"). json-glib maps the array the
 * way the reader does, but does not stop at GVariant's nesting limit, so
 * its bytes are checked as the reader's need not be. */
static GVariant *
array_to_variant (JsonArray  *array,
                  GError    **error)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);
  g_autoptr(GVariant) built = g_variant_ref_sink (json_gvariant_deserialize (node, NULL, NULL));
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (built);
  g_autoptr(GVariant) checked =
    g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("av"), bytes, FALSE));

  if (!g_variant_is_normal_form (checked))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("Nesting too deep for a GVariant"));
      return NULL;
    }
  return g_steal_pointer (&checked);
}

static GVariant *
to_variant (ArangoCursorBatch  *self,
            GError            **error)
{
  gsize length;
  const char *text;

  if (self->array != NULL)
    return array_to_variant (self->array, error);

  text = g_bytes_get_data (self->text, &length);
  return arango_json_parse_variant (text, length, error);
}

/* Returns the batch as @task's result, in @form, and clears it. */
void
arango_cursor_batch_return (ArangoCursorBatch *self,
                            GTask             *task,
                            ArangoBatchForm    form)
{
  GError *error = NULL;
  gpointer batch;
  GDestroyNotify free_batch;

  if (form == ARANGO_BATCH_AS_VARIANT)
    {
      batch = to_variant (self, &error);
      free_batch = (GDestroyNotify) g_variant_unref;
    }
  else
    {
      batch = to_array (self, &error);
      free_batch = (GDestroyNotify) json_array_unref;
    }
  arango_cursor_batch_clear (self);

  /* The text was checked when it came in, so only a GVariant can fail,
   * for results nested more deeply than it can be; this must not look
   * like the end. */
  if (batch == NULL)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                               _("The cursor's batch could not be decoded: %s"),
                               error->message);
      g_error_free (error);
      return;
    }
  g_task_return_pointer (task, batch, free_batch);
}
