/* arango-database-backups.c: hot backups of the deployment
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Uploads and downloads run as transfers on the server; the calls here
 * start one and poll its status (at growing intervals) until it ends,
 * reporting progress on the way, so that one _async call covers the
 * whole transfer. Cancelling asks the server to abort it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-backups.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-error-private.h"
#include "arango-sync-private.h"

#define FIRST_POLL_MS 50
#define LONGEST_POLL_MS 2000

static void
backup_call (ArangoDatabase      *self,
             const char          *action,
             JsonObject          *body,
             ArangoReplyFunc      reply_func,
             gconstpointer        reply_data,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  ArangoContext *context = arango_database_get_context (self);
  ArangoRequest *request = arango_context_request (context, SOUP_METHOD_POST,
                                                   "/_admin/backup", action, NULL);

  arango_request_take_json_object (request, body);
  arango_context_call (context, self, request, reply_func, reply_data, source_tag,
                       cancellable, callback, user_data);
}

static gboolean
check_id (ArangoDatabase      *self,
          const char          *id,
          const char          *what,
          gpointer             source_tag,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  if (id != NULL && *id != '\0')
    return TRUE;
  g_task_report_new_error (self, callback, user_data, source_tag, ARANGO_ERROR,
                           ARANGO_ERROR_INVALID_ARGUMENT, _("A %s must not be empty"), what);
  return FALSE;
}

static JsonObject *
id_body (const char *id)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "id", id);
  return body;
}

/**
 * arango_database_create_backup_async:
 * @self: an #ArangoDatabase
 * @label: (nullable): the label the backup id ends with; %NULL for a
 *   random one
 * @options: (nullable): further members of the request
 *   (`allowInconsistent`, `force`, `timeout`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Takes a hot backup of the whole deployment (`POST /_admin/backup/create`).
 */
void
arango_database_create_backup_async (ArangoDatabase      *self,
                                     const char          *label,
                                     JsonObject          *options,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  JsonObject *body = json_object_new ();

  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (options != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, options);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (body, name, json_node_copy (value));
    }
  if (label != NULL)
    json_object_set_string_member (body, "label", label);

  backup_call (self, "create", body, arango_reply_object_member, "result",
               arango_database_create_backup_async, cancellable, callback, user_data);
}

/**
 * arango_database_create_backup_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_backup_async().
 *
 * Returns: (transfer full): the backup's `id`, `datetime`, `sizeInBytes`,
 *   `nrFiles`, `nrDBServers`, `potentiallyInconsistent`; %NULL with an
 *   error
 */
JsonObject *
arango_database_create_backup_finish (ArangoDatabase  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_call_finish_pointer (self, result, arango_database_create_backup_async, error);
}

/**
 * arango_database_create_backup_sync:
 * @self: an #ArangoDatabase
 * @label: (nullable): the label the backup id ends with
 * @options: (nullable): further members of the request
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_backup_async().
 *
 * Returns: (transfer full): the backup's description, or %NULL with an
 *   error
 */
JsonObject *
arango_database_create_backup_sync (ArangoDatabase  *self,
                                    const char      *label,
                                    JsonObject      *options,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_backup_async (self, label, options, cancellable, arango_sync_call_done, call);
  return arango_database_create_backup_finish (self, arango_sync_call_wait (call), error);
}

/* The "list" member of the "result" object. */
static void
reply_backup_list (GTask          *task,
                   ArangoResponse *response,
                   gconstpointer   unused)
{
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                     ? json_node_get_object (response->body) : NULL;
  JsonNode *result = body ? json_object_get_member (body, "result") : NULL;
  JsonNode *list = result && JSON_NODE_HOLDS_OBJECT (result)
                   ? json_object_get_member (json_node_get_object (result), "list") : NULL;

  if (list == NULL || !JSON_NODE_HOLDS_OBJECT (list))
    {
      arango_task_return_invalid_reply (task, response, "result.list");
      return;
    }
  g_task_return_pointer (task, json_object_ref (json_node_get_object (list)),
                         (GDestroyNotify) json_object_unref);
}

/**
 * arango_database_list_backups_async:
 * @self: an #ArangoDatabase
 * @id: (nullable): the one backup to describe; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the deployment's hot backups (`POST /_admin/backup/list`).
 */
void
arango_database_list_backups_async (ArangoDatabase      *self,
                                    const char          *id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  backup_call (self, "list", id != NULL ? id_body (id) : json_object_new (), reply_backup_list,
               NULL, arango_database_list_backups_async, cancellable, callback, user_data);
}

/**
 * arango_database_list_backups_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_backups_async(). An unknown @id is
 * %ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP.
 *
 * Returns: (transfer full): backup id → description (`version`,
 *   `datetime`, `sizeInBytes`, `nrFiles`, `available` …); %NULL with an
 *   error
 */
JsonObject *
arango_database_list_backups_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_call_finish_pointer (self, result, arango_database_list_backups_async, error);
}

/**
 * arango_database_list_backups_sync:
 * @self: an #ArangoDatabase
 * @id: (nullable): the one backup to describe; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_backups_async().
 *
 * Returns: (transfer full): backup id → description, or %NULL with an
 *   error
 */
JsonObject *
arango_database_list_backups_sync (ArangoDatabase  *self,
                                   const char      *id,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_backups_async (self, id, cancellable, arango_sync_call_done, call);
  return arango_database_list_backups_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_restore_backup_async:
 * @self: an #ArangoDatabase
 * @id: the backup to restore
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Puts the deployment's data back as the backup holds it
 * (`POST /_admin/backup/restore`). The server restarts: open cursors and
 * stream transactions end.
 */
void
arango_database_restore_backup_async (ArangoDatabase      *self,
                                      const char          *id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!check_id (self, id, _("backup id"), arango_database_restore_backup_async, callback, user_data))
    return;
  backup_call (self, "restore", id_body (id), arango_reply_object_member, "result",
               arango_database_restore_backup_async, cancellable, callback, user_data);
}

/**
 * arango_database_restore_backup_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_restore_backup_async().
 *
 * Returns: (transfer full): the server's answer (`previous`: where the
 *   replaced data went), or %NULL with an error
 */
JsonObject *
arango_database_restore_backup_finish (ArangoDatabase  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_call_finish_pointer (self, result, arango_database_restore_backup_async, error);
}

/**
 * arango_database_restore_backup_sync:
 * @self: an #ArangoDatabase
 * @id: the backup to restore
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_restore_backup_async().
 *
 * Returns: (transfer full): the server's answer, or %NULL with an error
 */
JsonObject *
arango_database_restore_backup_sync (ArangoDatabase  *self,
                                     const char      *id,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_database_restore_backup_async (self, id, cancellable, arango_sync_call_done, call);
  return arango_database_restore_backup_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_backup_async:
 * @self: an #ArangoDatabase
 * @id: the backup to delete
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes a local backup (`POST /_admin/backup/delete`).
 */
void
arango_database_delete_backup_async (ArangoDatabase      *self,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!check_id (self, id, _("backup id"), arango_database_delete_backup_async, callback, user_data))
    return;
  backup_call (self, "delete", id_body (id), arango_reply_true, NULL,
               arango_database_delete_backup_async, cancellable, callback, user_data);
}

/**
 * arango_database_delete_backup_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_backup_async(). An unknown backup is
 * %ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP.
 *
 * Returns: %TRUE when the backup was deleted, %FALSE with an error
 */
gboolean
arango_database_delete_backup_finish (ArangoDatabase  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  return arango_call_finish_boolean (self, result, arango_database_delete_backup_async, error);
}

/**
 * arango_database_delete_backup_sync:
 * @self: an #ArangoDatabase
 * @id: the backup to delete
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_backup_async().
 *
 * Returns: %TRUE when the backup was deleted, %FALSE with an error
 */
gboolean
arango_database_delete_backup_sync (ArangoDatabase  *self,
                                    const char      *id,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_backup_async (self, id, cancellable, arango_sync_call_done, call);
  return arango_database_delete_backup_finish (self, arango_sync_call_wait (call), error);
}

/* An upload or a download: started once, then polled until it ends. */
typedef struct
{
  ArangoContext *context;       /* without async execution */
  gboolean upload;
  char *transfer_id;
  GFileProgressCallback progress_callback;
  gpointer progress_data;
  GDestroyNotify progress_data_destroy;
  guint delay_ms;
  guint poll_status;            /* HTTP status of the last status reply */
  GSource *poll_timer;          /* while waiting for the next poll */
  GCancellable *cancellable;
  gulong cancelled_id;
} Transfer;

static void
stop_waiting (Transfer *transfer)
{
  if (transfer->cancelled_id != 0)
    g_cancellable_disconnect (transfer->cancellable, transfer->cancelled_id);
  transfer->cancelled_id = 0;
  g_clear_object (&transfer->cancellable);
  g_clear_pointer (&transfer->poll_timer, g_source_unref);
}

static void
transfer_free (gpointer data)
{
  Transfer *transfer = data;

  stop_waiting (transfer);
  if (transfer->progress_data_destroy != NULL)
    transfer->progress_data_destroy (transfer->progress_data);
  arango_context_unref (transfer->context);
  g_free (transfer->transfer_id);
  g_free (transfer);
}

static const char *
transfer_action (Transfer *transfer)
{
  return transfer->upload ? "upload" : "download";
}

static const char *
transfer_id_member (Transfer *transfer)
{
  return transfer->upload ? "uploadId" : "downloadId";
}

/* A request of the transfer's own, sent directly and finished by @next. */
static void
transfer_send (GTask               *task,
               JsonObject          *body,
               ArangoReplyFunc      reply_func,
               gconstpointer        reply_data,
               GCancellable        *cancellable,
               GAsyncReadyCallback  next)
{
  Transfer *transfer = g_task_get_task_data (task);
  ArangoRequest *request = arango_context_request (transfer->context, SOUP_METHOD_POST,
                                                   "/_admin/backup", transfer_action (transfer),
                                                   NULL);

  arango_request_take_json_object (request, body);
  arango_call_async (g_task_get_source_object (task), transfer->context->client, request,
                     reply_func, reply_data, transfer_send, cancellable, next,
                     next != NULL ? g_object_ref (task) : NULL);
}

/* Cancelled while the server transfers: it is asked to stop, without
 * waiting for its answer. */
static void
abort_transfer (GTask *task)
{
  Transfer *transfer = g_task_get_task_data (task);
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, transfer_id_member (transfer), transfer->transfer_id);
  json_object_set_boolean_member (body, "abort", TRUE);
  transfer_send (task, body, arango_reply_true, NULL, NULL, NULL);
}

static gboolean
return_if_cancelled (GTask *task)
{
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;
  abort_transfer (task);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The backup transfer was cancelled"));
  return TRUE;
}

static void poll_transfer (GTask *task);

static gboolean
on_poll_due (gpointer user_data)
{
  GTask *task = user_data;

  stop_waiting (g_task_get_task_data (task));
  if (!return_if_cancelled (task))
    poll_transfer (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

/* May run in another thread: it only makes the timer due at once, and
 * the timer's callback sees the cancellation. GLib 2.74's cancellable
 * source leaks when cancelled from another thread, so it is not used. */
static void
on_cancelled_while_waiting (GCancellable *cancellable,
                            gpointer      timer)
{
  g_source_set_ready_time (timer, 0);
}

/* Waits before the next status request: long transfers need few. */
static void
schedule_poll (GTask *task)
{
  Transfer *transfer = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  transfer->poll_timer = g_timeout_source_new (transfer->delay_ms);
  transfer->delay_ms = MIN (transfer->delay_ms * 2, LONGEST_POLL_MS);
  g_source_set_callback (transfer->poll_timer, on_poll_due, task, g_object_unref);
  if (cancellable != NULL)
    {
      transfer->cancellable = g_object_ref (cancellable);
      transfer->cancelled_id = g_cancellable_connect (cancellable,
                                                      G_CALLBACK (on_cancelled_while_waiting),
                                                      transfer->poll_timer, NULL);
    }
  g_source_attach (transfer->poll_timer, g_task_get_context (task));
}

/* Sums the DB-Servers' Progress; TRUE when every one has COMPLETED. A
 * failed or cancelled transfer sets @error. */
static gboolean
read_status (Transfer    *transfer,
             JsonObject  *status,
             gint64      *done,
             gint64      *total,
             GError     **error)
{
  JsonNode *servers = json_object_get_member (status, "DBServers");
  gboolean completed = TRUE;
  JsonObjectIter iter;
  JsonNode *server;

  *done = *total = 0;
  if (servers == NULL || !JSON_NODE_HOLDS_OBJECT (servers) ||
      json_object_get_size (json_node_get_object (servers)) == 0)
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                   _("The backup transfer status lacks “DBServers”"));
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (servers));
  while (json_object_iter_next (&iter, NULL, &server))
    {
      JsonObject *server_status = JSON_NODE_HOLDS_OBJECT (server) ? json_node_get_object (server) : NULL;
      const char *state = server_status ? json_object_get_string_member_with_default (server_status, "Status", "") : "";
      JsonNode *progress = server_status ? json_object_get_member (server_status, "Progress") : NULL;

      if (g_str_equal (state, "FAILED") || g_str_equal (state, "CANCELLED") ||
          json_object_get_boolean_member_with_default (status, "Cancelled", FALSE))
        {
          const char *server_message =
            server_status ? json_object_get_string_member_with_default (server_status, "ErrorMessage", NULL)
                          : NULL;

          /* The server reported the failure in a successful reply, with
           * no errorNum: the code is the library's choice. */
          g_propagate_error (error, arango_server_error_new_full (
            transfer->poll_status,
            transfer->upload ? ARANGO_SERVER_ERROR_FAILED_TO_UPLOAD_BACKUP
                             : ARANGO_SERVER_ERROR_FAILED_TO_DOWNLOAD_BACKUP,
            -1, server_message,
            _("The backup %s %s ended as %s: %s"), transfer_action (transfer),
            transfer->transfer_id, state, server_message ? server_message : ""));
          return FALSE;
        }
      if (!g_str_equal (state, "COMPLETED"))
        completed = FALSE;
      if (progress != NULL && JSON_NODE_HOLDS_OBJECT (progress))
        {
          *done += json_object_get_int_member_with_default (json_node_get_object (progress), "Done", 0);
          *total += json_object_get_int_member_with_default (json_node_get_object (progress), "Total", 0);
        }
    }
  return completed;
}

static void
on_status (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Transfer *transfer = g_task_get_task_data (task);
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(GError) error = NULL;
  gint64 done, total;
  gboolean completed;

  status = arango_call_finish_pointer (source, result, transfer_send, &error);
  if (status == NULL)
    {
      if (!return_if_cancelled (task))
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  completed = read_status (transfer, status, &done, &total, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (transfer->progress_callback != NULL && total > 0)
    transfer->progress_callback (done, total, transfer->progress_data);
  if (completed)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!return_if_cancelled (task))
    schedule_poll (g_steal_pointer (&task));
}

/* Keeps the status reply's HTTP status for a failure it reports; @data
 * is the Transfer, which the polling task keeps alive. */
static void
reply_transfer_status (GTask          *task,
                       ArangoResponse *response,
                       gconstpointer   data)
{
  ((Transfer *) data)->poll_status = response->status;
  arango_reply_object_member (task, response, "result");
}

static void
poll_transfer (GTask *task)
{
  Transfer *transfer = g_task_get_task_data (task);
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, transfer_id_member (transfer), transfer->transfer_id);
  transfer_send (task, body, reply_transfer_status, transfer,
                 g_task_get_cancellable (task), on_status);
  g_object_unref (task);
}

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Transfer *transfer = g_task_get_task_data (task);
  g_autoptr(JsonObject) started = NULL;
  GError *error = NULL;
  JsonNode *id;

  started = arango_call_finish_pointer (source, result, transfer_send, &error);
  if (started == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  id = json_object_get_member (started, transfer_id_member (transfer));
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                               _("The reply to the backup %s lacks “%s”"),
                               transfer_action (transfer), transfer_id_member (transfer));
      return;
    }
  transfer->transfer_id = g_strdup (json_node_get_string (id));
  if (!return_if_cancelled (task))
    schedule_poll (g_steal_pointer (&task));
}

static void
start_transfer (ArangoDatabase        *self,
                gboolean               upload,
                const char            *id,
                const char            *repository,
                JsonObject            *config,
                GFileProgressCallback  progress_callback,
                gpointer               progress_data,
                GDestroyNotify         progress_data_destroy,
                gpointer               source_tag,
                GCancellable          *cancellable,
                GAsyncReadyCallback    callback,
                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Transfer *transfer;
  JsonObject *body;

  if (!check_id (self, id, _("backup id"), source_tag, callback, user_data) ||
      !check_id (self, repository, _("remote repository"), source_tag, callback, user_data))
    {
      if (progress_data_destroy != NULL)
        progress_data_destroy (progress_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  transfer = g_new0 (Transfer, 1);
  transfer->context = arango_context_ref (arango_context_get_direct (arango_database_get_context (self)));
  transfer->upload = upload;
  transfer->progress_callback = progress_callback;
  transfer->progress_data = progress_data;
  transfer->progress_data_destroy = progress_data_destroy;
  transfer->delay_ms = FIRST_POLL_MS;
  g_task_set_task_data (task, transfer, transfer_free);

  body = id_body (id);
  json_object_set_string_member (body, "remoteRepository", repository);
  json_object_set_object_member (body, "config",
                                 config != NULL ? json_object_ref (config) : json_object_new ());
  transfer_send (task, body, arango_reply_object_member, "result", cancellable, on_started);
}

/**
 * arango_database_upload_backup_async:
 * @self: an #ArangoDatabase
 * @id: the local backup to upload
 * @repository: the remote repository (an rclone remote, e.g.
 *   `"S3:backups"` or `"local://tmp/backups"`)
 * @config: (nullable): the rclone configuration of the repository
 * @progress_callback: (nullable) (scope notified) (closure progress_data)
 *   (destroy progress_data_destroy): called with the files done and their
 *   total (over all DB-Servers) after each status request that reports them
 * @progress_data: data for @progress_callback
 * @progress_data_destroy: (nullable): frees @progress_data
 * @cancellable: (nullable): a #GCancellable; cancelling also asks the
 *   server to abort the upload
 * @callback: (scope async): called when the upload has ended
 * @user_data: data for @callback
 *
 * Uploads a backup to a remote repository (`POST /_admin/backup/upload`)
 * and follows the transfer until it ends, polling its status at growing
 * intervals (50 ms doubling up to 2 s).
 */
void
arango_database_upload_backup_async (ArangoDatabase        *self,
                                     const char            *id,
                                     const char            *repository,
                                     JsonObject            *config,
                                     GFileProgressCallback  progress_callback,
                                     gpointer               progress_data,
                                     GDestroyNotify         progress_data_destroy,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_transfer (self, TRUE, id, repository, config, progress_callback, progress_data,
                  progress_data_destroy, arango_database_upload_backup_async,
                  cancellable, callback, user_data);
}

/**
 * arango_database_upload_backup_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_upload_backup_async(). A transfer the server
 * reports as failed or cancelled is
 * %ARANGO_SERVER_ERROR_FAILED_TO_UPLOAD_BACKUP.
 *
 * Returns: %TRUE when the upload completed, %FALSE with an error
 */
gboolean
arango_database_upload_backup_finish (ArangoDatabase  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  return arango_call_finish_boolean (self, result, arango_database_upload_backup_async, error);
}

/**
 * arango_database_upload_backup_sync:
 * @self: an #ArangoDatabase
 * @id: the local backup to upload
 * @repository: the remote repository
 * @config: (nullable): the rclone configuration of the repository
 * @progress_callback: (nullable) (scope call) (closure progress_data):
 *   called with the files done and their total
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_upload_backup_async().
 *
 * Returns: %TRUE when the upload completed, %FALSE with an error
 */
gboolean
arango_database_upload_backup_sync (ArangoDatabase         *self,
                                    const char             *id,
                                    const char             *repository,
                                    JsonObject             *config,
                                    GFileProgressCallback   progress_callback,
                                    gpointer                progress_data,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  call = arango_sync_call_begin ();
  arango_database_upload_backup_async (self, id, repository, config, progress_callback,
                                       progress_data, NULL, cancellable, arango_sync_call_done, call);
  return arango_database_upload_backup_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_download_backup_async:
 * @self: an #ArangoDatabase
 * @id: the backup to download
 * @repository: the remote repository that holds it
 * @config: (nullable): the rclone configuration of the repository
 * @progress_callback: (nullable) (scope notified) (closure progress_data)
 *   (destroy progress_data_destroy): called with the files done and their
 *   total (over all DB-Servers) after each status request that reports them
 * @progress_data: data for @progress_callback
 * @progress_data_destroy: (nullable): frees @progress_data
 * @cancellable: (nullable): a #GCancellable; cancelling also asks the
 *   server to abort the download
 * @callback: (scope async): called when the download has ended
 * @user_data: data for @callback
 *
 * Downloads a backup from a remote repository into the local ones
 * (`POST /_admin/backup/download`) and follows the transfer until it
 * ends, as arango_database_upload_backup_async() does.
 */
void
arango_database_download_backup_async (ArangoDatabase        *self,
                                       const char            *id,
                                       const char            *repository,
                                       JsonObject            *config,
                                       GFileProgressCallback  progress_callback,
                                       gpointer               progress_data,
                                       GDestroyNotify         progress_data_destroy,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_transfer (self, FALSE, id, repository, config, progress_callback, progress_data,
                  progress_data_destroy, arango_database_download_backup_async,
                  cancellable, callback, user_data);
}

/**
 * arango_database_download_backup_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_download_backup_async(). A transfer the
 * server reports as failed or cancelled is
 * %ARANGO_SERVER_ERROR_FAILED_TO_DOWNLOAD_BACKUP.
 *
 * Returns: %TRUE when the download completed, %FALSE with an error
 */
gboolean
arango_database_download_backup_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  return arango_call_finish_boolean (self, result, arango_database_download_backup_async, error);
}

/**
 * arango_database_download_backup_sync:
 * @self: an #ArangoDatabase
 * @id: the backup to download
 * @repository: the remote repository that holds it
 * @config: (nullable): the rclone configuration of the repository
 * @progress_callback: (nullable) (scope call) (closure progress_data):
 *   called with the files done and their total
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_download_backup_async().
 *
 * Returns: %TRUE when the download completed, %FALSE with an error
 */
gboolean
arango_database_download_backup_sync (ArangoDatabase         *self,
                                      const char             *id,
                                      const char             *repository,
                                      JsonObject             *config,
                                      GFileProgressCallback   progress_callback,
                                      gpointer                progress_data,
                                      GCancellable           *cancellable,
                                      GError                **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  call = arango_sync_call_begin ();
  arango_database_download_backup_async (self, id, repository, config, progress_callback,
                                         progress_data, NULL, cancellable, arango_sync_call_done, call);
  return arango_database_download_backup_finish (self, arango_sync_call_wait (call), error);
}
