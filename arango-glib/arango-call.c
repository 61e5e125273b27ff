/* arango-call.c: a public method's request, and its reply turned into a
 * result
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-client.h"
#include "arango-enums.h"
#include "arango-error.h"
#include "arango-json-private.h"
#include "arango-reply-private.h"
#include "arango-request-private.h"

typedef struct
{
  ArangoReplyFunc reply_func;
  gconstpointer reply_data;
} CallData;

void
arango_task_return_invalid_reply (GTask          *task,
                                  ArangoResponse *response,
                                  const char     *what)
{
  g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                           _("The reply of %s (HTTP %u) lacks the expected “%s”"),
                           response->host->uri, response->status, what);
}

static JsonObject *
body_object (ArangoResponse *response)
{
  if (response->body == NULL || !JSON_NODE_HOLDS_OBJECT (response->body))
    return NULL;
  return json_node_get_object (response->body);
}

/* @member of the body, if it holds a value of @type; otherwise the task
 * returns the reply as invalid, and NULL. */
static JsonNode *
value_member (GTask          *task,
              ArangoResponse *response,
              const char     *member,
              GType           type)
{
  JsonObject *object = body_object (response);
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != type)
    {
      arango_task_return_invalid_reply (task, response, member);
      return NULL;
    }
  return node;
}

void
arango_reply_true (GTask          *task,
                   ArangoResponse *response,
                   gconstpointer   unused)
{
  g_task_return_boolean (task, TRUE);
}

void
arango_reply_string_member (GTask          *task,
                            ArangoResponse *response,
                            gconstpointer   member)
{
  JsonNode *node = value_member (task, response, member, G_TYPE_STRING);

  if (node != NULL)
    g_task_return_pointer (task, g_strdup (json_node_get_string (node)), g_free);
}

/* The body minus the "error" and "code" fields every ArangoDB reply has. */
void
arango_reply_object (GTask          *task,
                     ArangoResponse *response,
                     gconstpointer   unused)
{
  JsonObject *object = body_object (response);
  JsonObject *result;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (object == NULL)
    {
      arango_task_return_invalid_reply (task, response, "{}");
      return;
    }

  result = json_object_new ();
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (g_str_equal (name, "error") || g_str_equal (name, "code"))
        continue;
      json_object_set_member (result, name, json_node_copy (value));
    }
  g_task_return_pointer (task, result, (GDestroyNotify) json_object_unref);
}

/* An object member; when the server leaves it out (as it does for a
 * DB-Server that is not in maintenance), an empty object. */
void
arango_reply_object_member (GTask          *task,
                            ArangoResponse *response,
                            gconstpointer   member)
{
  JsonObject *object = body_object (response);
  JsonNode *node;

  if (object == NULL)
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_task_return_pointer (task, json_object_new (),
                             (GDestroyNotify) json_object_unref);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }
  g_task_return_pointer (task, json_object_ref (json_node_get_object (node)),
                         (GDestroyNotify) json_object_unref);
}

void
arango_reply_node_member (GTask          *task,
                          ArangoResponse *response,
                          gconstpointer   member)
{
  JsonObject *object = body_object (response);
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL)
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }
  g_task_return_pointer (task, json_node_copy (node),
                         (GDestroyNotify) json_node_unref);
}

/* The body as it is: a document, or the result of a document call (an
 * empty object when the server sent no body, as with `silent`). */
void
arango_reply_body_object (GTask          *task,
                          ArangoResponse *response,
                          gconstpointer   unused)
{
  if (response->body == NULL)
    {
      g_task_return_pointer (task, json_object_new (),
                             (GDestroyNotify) json_object_unref);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (response->body))
    {
      arango_task_return_invalid_reply (task, response, "{}");
      return;
    }
  g_task_return_pointer (task, json_object_ref (json_node_get_object (response->body)),
                         (GDestroyNotify) json_object_unref);
}

void
arango_reply_body_array (GTask          *task,
                         ArangoResponse *response,
                         gconstpointer   unused)
{
  /* With `silent`, a multi-document call that fully succeeded answers
   * with an empty object: nothing to report per document. */
  if (response->body == NULL ||
      (JSON_NODE_HOLDS_OBJECT (response->body) &&
       json_object_get_size (json_node_get_object (response->body)) == 0))
    {
      g_task_return_pointer (task, json_array_new (), (GDestroyNotify) json_array_unref);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (response->body))
    {
      arango_task_return_invalid_reply (task, response, "[]");
      return;
    }
  g_task_return_pointer (task, json_array_ref (json_node_get_array (response->body)),
                         (GDestroyNotify) json_array_unref);
}

void
arango_reply_array_member (GTask          *task,
                           ArangoResponse *response,
                           gconstpointer   member)
{
  JsonObject *object = body_object (response);
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }
  g_task_return_pointer (task, json_array_ref (json_node_get_array (node)),
                         (GDestroyNotify) json_array_unref);
}

/* A boolean member, such as a create call's `isNewlyCreated`. */
void
arango_reply_boolean_member (GTask          *task,
                             ArangoResponse *response,
                             gconstpointer   member)
{
  JsonNode *node = value_member (task, response, member, G_TYPE_BOOLEAN);

  if (node != NULL)
    g_task_return_boolean (task, json_node_get_boolean (node));
}

void
arango_reply_int_member (GTask          *task,
                         ArangoResponse *response,
                         gconstpointer   member)
{
  JsonNode *node = value_member (task, response, member, G_TYPE_INT64);

  if (node != NULL)
    g_task_return_int (task, json_node_get_int (node));
}

/* Names in "result", as database lists come. */
void
arango_reply_strv_member (GTask          *task,
                          ArangoResponse *response,
                          gconstpointer   member)
{
  JsonObject *object = body_object (response);
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          arango_task_return_invalid_reply (task, response, member);
          return;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  g_task_return_pointer (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
}

/* @count is an ArangoCountReply: its member is read as
 * arango_reply_int_member() reads one. Its missing_code is an error, so
 * return_call_error() is where that one turns into 0. */
void
arango_reply_count (GTask          *task,
                    ArangoResponse *response,
                    gconstpointer   count)
{
  const ArangoCountReply *reply = count;

  arango_reply_int_member (task, response, reply->member);
}

static void
return_call_error (GTask    *task,
                   CallData *data,
                   GError   *error)
{
  /* "Does it exist?" calls answer FALSE where others fail, and counting
   * calls that ignore a missing target count 0. */
  if (data->reply_func == arango_reply_exists &&
      g_error_matches (error, ARANGO_SERVER_ERROR, GPOINTER_TO_INT (data->reply_data)))
    {
      g_error_free (error);
      g_task_return_boolean (task, FALSE);
      return;
    }
  if (data->reply_func == arango_reply_count &&
      g_error_matches (error, ARANGO_SERVER_ERROR,
                       ((const ArangoCountReply *) data->reply_data)->missing_code))
    {
      g_error_free (error);
      g_task_return_int (task, 0);
      return;
    }
  g_task_return_error (task, error);
}

static void
on_call_reply (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(ArangoResponse) response = NULL;
  GError *error = NULL;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    {
      return_call_error (task, data, error);
      return;
    }
  data->reply_func (task, response, data->reply_data);
}

/* The reply to PUT /_api/job/{id}: the job's stored reply carries an
 * `x-arango-async-id` header; without it the job manager answered (204:
 * still pending, 404: no such job). */
static void
on_job_reply (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(ArangoResponse) response = NULL;
  GError *error = NULL;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (soup_message_headers_get_one (response->headers, "x-arango-async-id") == NULL)
    {
      if (response->status == SOUP_STATUS_NO_CONTENT)
        g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_JOB_PENDING,
                                 _("The async job has not finished yet"));
      else if (!SOUP_STATUS_IS_SUCCESSFUL (response->status))
        g_task_return_error (task, arango_server_error_new (response->status, response->body));
      else
        arango_task_return_invalid_reply (task, response, "x-arango-async-id");
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      return_call_error (task, data, arango_server_error_new (response->status, response->body));
      return;
    }
  data->reply_func (task, response, data->reply_data);
}

/* For existence checks: reply data is the error code that means "no",
 * e.g. GINT_TO_POINTER (ARANGO_SERVER_ERROR_HTTP_NOT_FOUND). */
void
arango_reply_exists (GTask          *task,
                     ArangoResponse *response,
                     gconstpointer   missing_code)
{
  g_task_return_boolean (task, TRUE);
}

gssize
arango_call_finish_int (gpointer       source_object,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), -1);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

static GTask *
call_task_new (gpointer             source_object,
               ArangoReplyFunc      reply_func,
               gconstpointer        reply_data,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  CallData *data = g_new0 (CallData, 1);

  g_task_set_source_tag (task, source_tag);
  data->reply_func = reply_func;
  data->reply_data = reply_data;
  g_task_set_task_data (task, data, g_free);
  return task;
}

gdouble
arango_call_finish_double (gpointer       source_object,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_autofree gdouble *value = NULL;

  g_return_val_if_fail (g_task_is_valid (result, source_object), -1.0);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), -1.0);

  value = g_task_propagate_pointer (G_TASK (result), error);
  return value ? *value : -1.0;
}

gboolean
arango_check_argument (gpointer             source_object,
                       gboolean             valid,
                       gpointer             source_tag,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data,
                       const char          *message)
{
  if (valid)
    return TRUE;

  g_task_report_new_error (source_object, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT, "%s", message);
  return FALSE;
}

/* Names (of users, databases, views, servers, shards …) are never empty;
 * reports one that is with ARANGO_ERROR_INVALID_ARGUMENT and @message
 * (untranslated, marked with N_()). */
gboolean
arango_check_text (gpointer             source_object,
                   const char          *value,
                   const char          *message,
                   gpointer             source_tag,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  return arango_check_argument (source_object, value != NULL && *value != '\0',
                                source_tag, callback, user_data, _(message));
}

gboolean
arango_is_numeric_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (; *id != '\0'; id++)
    if (!g_ascii_isdigit (*id))
      return FALSE;
  return TRUE;
}

/* Sends @request (taking ownership) for the public method @source_tag of
 * @source_object; @reply_func turns the reply into the method's result. */
void
arango_call_async (gpointer             source_object,
                   ArangoClient        *client,
                   ArangoRequest       *request,
                   ArangoReplyFunc      reply_func,
                   gconstpointer        reply_data,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = call_task_new (source_object, reply_func, reply_data, source_tag,
                               cancellable, callback, user_data);

  arango_connection_send_async (client, request, cancellable, on_call_reply, task);
}

/* Fetches an async job's result with @request (PUT /_api/job/{id}, taking
 * ownership) and completes as the call that made the job would have: same
 * source object, source tag and reply function, so that call's own
 * _finish reads it. */
void
arango_call_job_result_async (gpointer             source_object,
                              ArangoClient        *client,
                              ArangoRequest       *request,
                              ArangoReplyFunc      reply_func,
                              gconstpointer        reply_data,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = call_task_new (source_object, reply_func, reply_data, source_tag,
                               cancellable, callback, user_data);

  arango_request_keep_errors (request);
  arango_connection_send_async (client, request, cancellable, on_job_reply, task);
}

gpointer
arango_call_finish_pointer (gpointer       source_object,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
arango_call_finish_boolean (gpointer       source_object,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The body of a text reply (arango_request_set_text_reply()) as a string. */
void
arango_reply_text (GTask          *task,
                   ArangoResponse *response,
                   gconstpointer   unused)
{
  gsize length = 0;
  const char *text = response->text ? g_bytes_get_data (response->text, &length) : NULL;

  if (text != NULL && !g_utf8_validate_len (text, length, NULL))
    {
      arango_task_return_invalid_reply (task, response, "text");
      return;
    }
  g_task_return_pointer (task, g_strndup (text ? text : "", length), g_free);
}

/* The JSON text of a success (arango_request_keep_json_text()) as a
 * GVariant, which must be of @type (a GVariant type string). */
void
arango_reply_json_text_variant (GTask          *task,
                                ArangoResponse *response,
                                gconstpointer   type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = NULL;
  gsize length = 0;
  const char *text = response->text ? g_bytes_get_data (response->text, &length) : NULL;

  value = arango_json_parse_variant (text ? text : "", length, &error);
  if (value == NULL)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                               _("The reply of %s (HTTP %u) cannot be read as a GVariant: %s"),
                               response->host->uri, response->status, error->message);
      return;
    }
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE (type)))
    {
      arango_task_return_invalid_reply (task, response, type);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&value), (GDestroyNotify) g_variant_unref);
}

/* A number member, handed over as a newly allocated gdouble. */
void
arango_reply_double_member (GTask          *task,
                            ArangoResponse *response,
                            gconstpointer   member)
{
  JsonObject *object = body_object (response);
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  gdouble *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }
  value = g_new (gdouble, 1);
  *value = json_node_get_double (node);
  g_task_return_pointer (task, value, g_free);
}
