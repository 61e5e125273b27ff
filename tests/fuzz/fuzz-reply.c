/* fuzz-reply.c: every result shape the API decodes, from any reply
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-cursor-private.h"
#include "fuzz-support.h"

typedef struct
{
  ArangoReplyFunc func;
  const char *data;
} Shape;

static const Shape shapes[] = {
  { arango_reply_true, NULL },
  { arango_reply_string_member, "id" },
  { arango_reply_string_member, "role" },
  { arango_reply_object, NULL },
  { arango_reply_object_member, "result" },
  { arango_reply_node_member, "result" },
  { arango_reply_body_object, NULL },
  { arango_reply_body_array, NULL },
  { arango_reply_array_member, "indexes" },
  { arango_reply_int_member, "count" },
  { arango_reply_strv_member, "result" },
};

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* A cursor holds its first batch, so both forms of it come without a
 * network, through the public calls: the JSON form from @cursor, the
 * GVariant form from a twin made from the same reply. */
static void
check_first_batch (ArangoCursor   *cursor,
                   ArangoContext  *context,
                   ArangoResponse *response)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCursor) twin = arango_cursor_new_from_reply (context, response, TRUE, &error);
  g_autoptr(GAsyncResult) json_result = NULL;
  g_autoptr(GAsyncResult) variant_result = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(JsonNode) array_node = NULL;
  g_autoptr(JsonNode) variant_node = NULL;

  g_assert_no_error (error);
  arango_cursor_next_batch_async (cursor, NULL, store_result, &json_result);
  array = arango_cursor_next_batch_finish (cursor, wait_for (&json_result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (array);

  array_node = json_node_init_array (json_node_alloc (), array);
  arango_cursor_next_batch_variant_async (twin, NULL, store_result, &variant_result);
  variant = arango_cursor_next_batch_variant_finish (twin, wait_for (&variant_result), &error);
  g_assert_true ((variant == NULL) == (error != NULL));
  if (!fuzz_fits_in_gvariant (array_node))
    g_assert_null (variant);
  if (variant == NULL)
    {
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);
      g_assert_true (fuzz_is_too_deep_error (error));
      return;
    }
  g_assert_true (g_variant_is_of_type (variant, G_VARIANT_TYPE ("av")));

  variant_node = json_gvariant_serialize (variant);
  fuzz_assert_same_json (array_node, variant_node);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ArangoResponse) response = fuzz_response_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoContext) context = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(ArangoAuth) auth = NULL;

  if (response == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      shapes[i].func (task, response, shapes[i].data);
      fuzz_drain ();
      /* Every reply function returns exactly once, whatever it got. */
      g_assert_true (g_task_get_completed (task));
    }

  auth = arango_auth_new_basic ("root", "");
  context = arango_context_new (fuzz_client (), "_system", auth);
  cursor = arango_cursor_new_from_reply (context, response, TRUE, &error);
  g_assert_true ((cursor == NULL) == (error != NULL));
  if (cursor)
    {
      g_assert_cmpint (arango_cursor_get_count (cursor), >=, -1);
      check_first_batch (cursor, context, response);
      g_clear_object (&cursor);
    }
  fuzz_drain ();
  return 0;
}
