/* emulator-backups.c: hot backups (/_admin/backup/…)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A backup is a copy of every database (documents are immutable and
 * shared, so a copy costs little); restoring one puts a copy of it back,
 * and like the server's restart it ends every cursor and stream
 * transaction. Remote repositories are kept in memory by name. An upload
 * or a download is a transfer whose progress advances by a third at each
 * status request after the first (which, as recorded, only says
 * "STARTED"); the transfer takes effect when it completes.
 *
 * Shapes: 3.12/RestBackup*_single.json. The emulator being a cluster,
 * `nrDBServers` counts its DB-Servers and transfer statuses are per
 * DB-Server, where the single-server recordings have 1 and "SNGL".
 */

#include <string.h>

#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-store.h"

#define ERROR_NO_SUCH_HOT_BACKUP 7007
#define ERROR_HOT_BACKUP_CONFLICT 7011

/* Where the server says it moved the data a restore replaced. */
#define RESTORE_PREVIOUS "/var/lib/arangodb3/backups/DIRECTORY_TO_DELETE"

typedef struct {
  gint        ref_count;
  char       *id;
  char       *datetime;
  GHashTable *databases;        /* name -> EmuDatabase, never changed */
  gint64      size_in_bytes;
  guint       n_files;
} EmuBackup;

typedef struct {
  char      *id;
  gboolean   upload;
  char      *repository;
  EmuBackup *backup;
  char      *timestamp;
  guint      polls;
  guint      done;
  gboolean   cancelled;
} EmuTransfer;

static EmuBackup *
emu_backup_ref (EmuBackup *backup)
{
  g_atomic_int_inc (&backup->ref_count);
  return backup;
}

static void
emu_backup_unref (gpointer data)
{
  EmuBackup *backup = data;

  if (!g_atomic_int_dec_and_test (&backup->ref_count))
    return;
  g_free (backup->id);
  g_free (backup->datetime);
  g_hash_table_unref (backup->databases);
  g_free (backup);
}

static void
emu_transfer_free (gpointer data)
{
  EmuTransfer *transfer = data;

  g_free (transfer->id);
  g_free (transfer->repository);
  emu_backup_unref (transfer->backup);
  g_free (transfer->timestamp);
  g_free (transfer);
}

static GHashTable *
table_of (GHashTable     **table,
          GDestroyNotify   free_func)
{
  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_func);
  return *table;
}

static GHashTable *
backups_of (EmuState *state)
{
  return table_of (&state->backups, emu_backup_unref);
}

static GHashTable *
remote_of (EmuState *state)
{
  return table_of (&state->remote_backups, emu_backup_unref);
}

static GHashTable *
transfers_of (EmuState *state)
{
  return table_of (&state->transfers, emu_transfer_free);
}

static char *
remote_key (const char *repository,
            const char *id)
{
  return g_strconcat (repository, "\n", id, NULL);
}

static void
measure (EmuBackup *backup)
{
  GHashTableIter iter;
  EmuDatabase *database;

  g_hash_table_iter_init (&iter, backup->databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &database))
    for (guint i = 0; i < database->collections->len; i++)
      {
        EmuCollection *collection = g_ptr_array_index (database->collections, i);
        GHashTableIter documents;
        EmuDocument *document;

        backup->n_files++;
        g_hash_table_iter_init (&documents, collection->documents);
        while (g_hash_table_iter_next (&documents, NULL, (gpointer *) &document))
          {
            g_autofree char *text = emu_json_to_string (document->body);

            backup->size_in_bytes += strlen (text);
          }
      }
}

/* The request body, an object; NULL after answering 400. */
static JsonObject *
body_object (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "bad parameter");
      return NULL;
    }
  return json_object_ref (json_node_get_object (body));
}

static void
reply_no_such_backup (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, ERROR_NO_SUCH_HOT_BACKUP,
                   "no such hot backup set can be found");
}

static void
reply_result (EmuRequest  *req,
              guint        status,
              JsonBuilder *result)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (status);
  g_autoptr(JsonNode) node = json_builder_get_root (result);

  emu_json_add_node (builder, "result", node);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
}

/* The backup named by the body's "id"; NULL after answering. */
static EmuBackup *
named_backup (EmuRequest *req,
              JsonObject *body)
{
  const char *id = emu_json_get_string (body, "id");
  EmuBackup *backup;

  if (id == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "bad parameter");
      return NULL;
    }
  backup = g_hash_table_lookup (backups_of (req->state), id);
  if (backup == NULL)
    reply_no_such_backup (req);
  return backup;
}

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  g_autoptr(JsonBuilder) result = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H.%M.%SZ");
  g_autofree char *uuid = g_uuid_string_random ();
  const char *label = NULL;
  EmuBackup *backup;

  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    label = emu_json_get_string (json_node_get_object (body), "label");

  backup = g_new0 (EmuBackup, 1);
  backup->ref_count = 1;
  backup->id = g_strdup_printf ("%s_%s", stamp, label != NULL ? label : uuid);
  backup->datetime = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  backup->databases = emu_state_copy_databases (req->state->databases);
  measure (backup);

  if (g_hash_table_contains (backups_of (req->state), backup->id))
    {
      emu_backup_unref (backup);
      emu_reply_error (req->msg, SOUP_STATUS_CONFLICT, ERROR_HOT_BACKUP_CONFLICT,
                       "hot backup conflict");
      return;
    }
  g_hash_table_insert (backups_of (req->state), g_strdup (backup->id), backup);

  json_builder_begin_object (result);
  emu_json_add_string (result, "id", backup->id);
  emu_json_add_boolean (result, "potentiallyInconsistent", FALSE);
  emu_json_add_int (result, "sizeInBytes", backup->size_in_bytes);
  emu_json_add_string (result, "datetime", backup->datetime);
  emu_json_add_int (result, "nrDBServers", req->state->dbservers->len);
  emu_json_add_int (result, "nrFiles", backup->n_files);
  json_builder_end_object (result);
  reply_result (req, SOUP_STATUS_CREATED, result);
}

static void
add_list_entry (JsonBuilder *builder,
                EmuState    *state,
                EmuBackup   *backup)
{
  json_builder_set_member_name (builder, backup->id);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", backup->id);
  emu_json_add_string (builder, "version", EMU_VERSION);
  emu_json_add_string (builder, "datetime", backup->datetime);
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  emu_json_add_int (builder, "sizeInBytes", backup->size_in_bytes);
  emu_json_add_int (builder, "nrFiles", backup->n_files);
  emu_json_add_int (builder, "nrDBServers", state->dbservers->len);
  emu_json_add_boolean (builder, "available", TRUE);
  emu_json_add_int (builder, "nrPiecesPresent", state->dbservers->len);
  emu_json_add_boolean (builder, "potentiallyInconsistent", FALSE);
  emu_json_add_boolean (builder, "countIncludesFilesOnly", TRUE);
  json_builder_end_object (builder);
}

/* POST /_admin/backup/list with {} or {"id": "…"}. */
static void
handle_list (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  g_autoptr(JsonBuilder) result = json_builder_new ();
  const char *only = NULL;
  GHashTableIter iter;
  EmuBackup *backup;

  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    only = emu_json_get_string (json_node_get_object (body), "id");
  if (only != NULL && !g_hash_table_contains (backups_of (req->state), only))
    {
      reply_no_such_backup (req);
      return;
    }

  json_builder_begin_object (result);
  emu_json_add_string (result, "server", req->coordinator->server_id);
  json_builder_set_member_name (result, "list");
  json_builder_begin_object (result);
  g_hash_table_iter_init (&iter, backups_of (req->state));
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &backup))
    if (only == NULL || g_str_equal (only, backup->id))
      add_list_entry (result, req->state, backup);
  json_builder_end_object (result);
  json_builder_end_object (result);
  reply_result (req, SOUP_STATUS_OK, result);
}

static void
handle_restore (EmuRequest *req)
{
  g_autoptr(JsonObject) body = body_object (req);
  g_autoptr(JsonBuilder) result = json_builder_new ();
  EmuBackup *backup;

  if (body == NULL || (backup = named_backup (req, body)) == NULL)
    return;

  g_hash_table_unref (req->state->databases);
  req->state->databases = emu_state_copy_databases (backup->databases);
  if (req->state->cursors != NULL)
    g_hash_table_remove_all (req->state->cursors);
  if (req->state->transactions != NULL)
    g_hash_table_remove_all (req->state->transactions);

  json_builder_begin_object (result);
  emu_json_add_string (result, "previous", RESTORE_PREVIOUS);
  json_builder_end_object (result);
  reply_result (req, SOUP_STATUS_OK, result);
}

static void
handle_delete (EmuRequest *req)
{
  g_autoptr(JsonObject) body = body_object (req);
  g_autoptr(JsonBuilder) result = json_builder_new ();
  EmuBackup *backup;

  if (body == NULL || (backup = named_backup (req, body)) == NULL)
    return;

  g_hash_table_remove (backups_of (req->state), backup->id);
  json_builder_begin_object (result);
  json_builder_end_object (result);
  reply_result (req, SOUP_STATUS_OK, result);
}

/* Advances a transfer by one status request; a completed one takes effect. */
static void
advance (EmuState    *state,
         EmuTransfer *transfer)
{
  guint total = MAX (transfer->backup->n_files, 1);

  if (transfer->cancelled || transfer->done == total)
    return;
  if (transfer->polls++ == 0)
    return;

  transfer->done = MIN (total, transfer->done + (total + 2) / 3);
  if (transfer->done < total)
    return;

  if (transfer->upload)
    g_hash_table_replace (remote_of (state),
                          remote_key (transfer->repository, transfer->backup->id),
                          emu_backup_ref (transfer->backup));
  else
    g_hash_table_replace (backups_of (state), g_strdup (transfer->backup->id),
                          emu_backup_ref (transfer->backup));
}

static void
reply_transfer_status (EmuRequest  *req,
                       EmuTransfer *transfer)
{
  g_autoptr(JsonBuilder) result = json_builder_new ();
  guint total = MAX (transfer->backup->n_files, 1);
  const char *status = transfer->cancelled ? "CANCELLED"
                       : transfer->done == total ? "COMPLETED" : "STARTED";

  json_builder_begin_object (result);
  emu_json_add_string (result, "Timestamp", transfer->timestamp);
  emu_json_add_string (result, transfer->upload ? "UploadId" : "DownloadId", transfer->id);
  emu_json_add_boolean (result, "Cancelled", transfer->cancelled);
  emu_json_add_string (result, "BackupId", transfer->backup->id);
  json_builder_set_member_name (result, "DBServers");
  json_builder_begin_object (result);
  for (guint i = 0; i < req->state->dbservers->len; i++)
    {
      EmuPeer *dbserver = g_ptr_array_index (req->state->dbservers, i);

      json_builder_set_member_name (result, dbserver->server_id);
      json_builder_begin_object (result);
      emu_json_add_string (result, "Status", status);
      if (transfer->polls > 1)
        {
          g_autofree char *now = emu_format_iso_time (g_get_real_time ());

          json_builder_set_member_name (result, "Progress");
          json_builder_begin_object (result);
          emu_json_add_int (result, "Total", total);
          emu_json_add_int (result, "Done", transfer->done);
          emu_json_add_string (result, "Time", now);
          json_builder_end_object (result);
        }
      json_builder_end_object (result);
    }
  json_builder_end_object (result);
  json_builder_end_object (result);
  reply_result (req, SOUP_STATUS_OK, result);
}

/* POST /_admin/backup/upload|download: {"id", "remoteRepository",
 * "config"} starts a transfer; {"uploadId"|"downloadId"[, "abort"]}
 * reports on it (or aborts it). */
static void
handle_transfer (EmuRequest *req,
                 gboolean    upload)
{
  const char *id_member = upload ? "uploadId" : "downloadId";
  g_autoptr(JsonObject) body = body_object (req);
  g_autoptr(JsonBuilder) result = json_builder_new ();
  g_autofree char *key = NULL;
  const char *transfer_id, *backup_id, *repository;
  JsonNode *config;
  EmuTransfer *transfer;
  EmuBackup *backup;

  if (body == NULL)
    return;

  transfer_id = emu_json_get_string (body, id_member);
  if (transfer_id != NULL)
    {
      transfer = g_hash_table_lookup (transfers_of (req->state), transfer_id);
      if (transfer == NULL || transfer->upload != upload)
        {
          emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, "not found");
          return;
        }
      if (emu_json_get_boolean (body, "abort", FALSE))
        transfer->cancelled = TRUE;
      advance (req->state, transfer);
      reply_transfer_status (req, transfer);
      return;
    }

  backup_id = emu_json_get_string (body, "id");
  repository = emu_json_get_string (body, "remoteRepository");
  config = json_object_get_member (body, "config");
  if (backup_id == NULL || repository == NULL || config == NULL || !JSON_NODE_HOLDS_OBJECT (config))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "bad parameter");
      return;
    }
  key = remote_key (repository, backup_id);
  backup = g_hash_table_lookup (upload ? backups_of (req->state) : remote_of (req->state),
                                upload ? backup_id : key);
  if (backup == NULL)
    {
      reply_no_such_backup (req);
      return;
    }

  transfer = g_new0 (EmuTransfer, 1);
  transfer->id = emu_state_next_id (req->state);
  transfer->upload = upload;
  transfer->repository = g_strdup (repository);
  transfer->backup = emu_backup_ref (backup);
  transfer->timestamp = emu_format_iso_time (g_get_real_time ());
  g_hash_table_insert (transfers_of (req->state), g_strdup (transfer->id), transfer);

  json_builder_begin_object (result);
  emu_json_add_string (result, id_member, transfer->id);
  json_builder_end_object (result);
  reply_result (req, SOUP_STATUS_ACCEPTED, result);
}

static void
handle_upload (EmuRequest *req)
{
  handle_transfer (req, TRUE);
}

static void
handle_download (EmuRequest *req)
{
  handle_transfer (req, FALSE);
}

static const EmuRoute backup_routes[] = {
  { "POST", "/_admin/backup/create", handle_create },
  { "POST", "/_admin/backup/list", handle_list },
  { "POST", "/_admin/backup/restore", handle_restore },
  { "POST", "/_admin/backup/delete", handle_delete },
  { "POST", "/_admin/backup/upload", handle_upload },
  { "POST", "/_admin/backup/download", handle_download },
};

void
emu_backups_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, backup_routes, G_N_ELEMENTS (backup_routes));
}
