/* test-backups.c: hot backups against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define REPOSITORY "local://tmp/backups"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *items;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* What a progress callback saw. */
typedef struct
{
  GArray *done;
  GArray *total;
  GCancellable *cancel_at_first;
} Progress;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "items", NULL, NULL, READY);
  fixture->items = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->items);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static void
insert (Fixture    *fixture,
        const char *key)
{
  g_autoptr(JsonNode) document = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "_key", key);
  json_node_set_object (document, object);
  arango_collection_insert_async (fixture->items, document, 0, NULL, READY);
  meta = arango_collection_insert_finish (fixture->items, WAIT, &error);
  g_assert_no_error (error);
}

static gboolean
has_item (Fixture    *fixture,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  gboolean found;

  arango_collection_has_async (fixture->items, key, NULL, READY);
  found = arango_collection_has_finish (fixture->items, WAIT, &error);
  g_assert_no_error (error);
  return found;
}

static char *
create_backup (Fixture    *fixture,
               const char *label)
{
  g_autoptr(JsonObject) backup = NULL;
  g_autoptr(GError) error = NULL;

  arango_database_create_backup_async (fixture->database, label, NULL, NULL, READY);
  backup = arango_database_create_backup_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (backup, "id"));
}

static JsonObject *
list_backups (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  JsonObject *list;

  arango_database_list_backups_async (fixture->database, NULL, NULL, READY);
  list = arango_database_list_backups_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  return list;
}

static void
test_create_and_list (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonObject) options = json_object_new ();
  g_autoptr(JsonObject) backup = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(JsonObject) one = NULL;
  g_autoptr(JsonObject) none = NULL;
  g_autofree char *unlabelled = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  JsonObject *entry;

  json_object_set_boolean_member (options, "allowInconsistent", FALSE);
  backup = arango_database_create_backup_sync (fixture->database, "nightly", options, NULL, &error);
  g_assert_no_error (error);
  id = json_object_get_string_member (backup, "id");
  g_assert_true (g_str_has_suffix (id, "_nightly"));
  g_assert_false (json_object_get_boolean_member (backup, "potentiallyInconsistent"));
  g_assert_cmpint (json_object_get_int_member (backup, "nrDBServers"), ==, 3);
  unlabelled = create_backup (fixture, NULL);

  list = list_backups (fixture);
  g_assert_cmpuint (json_object_get_size (list), ==, 2);
  entry = json_object_get_object_member (list, id);
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "datetime"), ==,
                   json_object_get_string_member (backup, "datetime"));
  g_assert_true (json_object_get_boolean_member (entry, "available"));
  g_assert_true (json_object_has_member (list, unlabelled));

  one = arango_database_list_backups_sync (fixture->database, unlabelled, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (one), ==, 1);
  g_assert_true (json_object_has_member (one, unlabelled));

  none = arango_database_list_backups_sync (fixture->database, "2000-01-01T00.00.00Z_none", NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP);
  g_assert_null (none);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) restored = NULL;
  g_autoptr(ArangoCollection) later = NULL;
  g_autoptr(GError) error = NULL;
  gboolean deleted, exists;

  insert (fixture, "before");
  id = create_backup (fixture, "restore-me");

  insert (fixture, "after");
  arango_collection_delete_async (fixture->items, "before", NULL, 0, NULL, READY);
  g_clear_pointer (&restored, json_object_unref);
  restored = arango_collection_delete_finish (fixture->items, WAIT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&restored, json_object_unref);
  arango_database_create_collection_async (fixture->database, "later", NULL, NULL, READY);
  later = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);

  arango_database_restore_backup_async (fixture->database, id, NULL, READY);
  restored = arango_database_restore_backup_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (restored, "previous"));

  g_assert_true (has_item (fixture, "before"));
  g_assert_false (has_item (fixture, "after"));
  arango_database_has_collection_async (fixture->database, "later", NULL, READY);
  exists = arango_database_has_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (exists);

  /* The backup outlives its restore, and restores again. */
  insert (fixture, "after");
  g_clear_pointer (&restored, json_object_unref);
  restored = arango_database_restore_backup_sync (fixture->database, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (has_item (fixture, "after"));

  deleted = arango_database_delete_backup_sync (fixture->database, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (deleted);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *id = create_backup (fixture, "short-lived");
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(JsonObject) restored = NULL;
  g_autoptr(GError) error = NULL;

  arango_database_delete_backup_async (fixture->database, id, NULL, READY);
  g_assert_true (arango_database_delete_backup_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  list = list_backups (fixture);
  g_assert_false (json_object_has_member (list, id));

  arango_database_delete_backup_async (fixture->database, id, NULL, READY);
  g_assert_false (arango_database_delete_backup_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP);
  g_clear_error (&error);

  restored = arango_database_restore_backup_sync (fixture->database, id, NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP);
  g_assert_null (restored);
}

static void
test_invalid_arguments (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(JsonObject) restored = NULL;
  g_autoptr(GError) error = NULL;

  restored = arango_database_restore_backup_sync (fixture->database, "", NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (restored);
  g_clear_error (&error);

  g_assert_false (arango_database_delete_backup_sync (fixture->database, NULL, NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (arango_database_upload_backup_sync (fixture->database, "some-id", "", NULL,
                                                      NULL, NULL, NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Nothing was sent. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (test_count_requests_to (fixture->emulator, i, "POST", "/_admin/backup/upload"), ==, 0);

  g_assert_false (arango_database_upload_backup_sync (fixture->database, "2000-01-01T00.00.00Z_none",
                                                      REPOSITORY, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP);
}

static void
on_progress (goffset  done,
             goffset  total,
             gpointer user_data)
{
  Progress *progress = user_data;
  gint64 done64 = done, total64 = total;

  g_array_append_val (progress->done, done64);
  g_array_append_val (progress->total, total64);
  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

static void
progress_init (Progress *progress)
{
  progress->done = g_array_new (FALSE, FALSE, sizeof (gint64));
  progress->total = g_array_new (FALSE, FALSE, sizeof (gint64));
  progress->cancel_at_first = NULL;
}

static void
progress_clear (Progress *progress)
{
  g_array_unref (progress->done);
  g_array_unref (progress->total);
}

/* Reports rise to the total, which stays the same. */
static void
assert_progress_to_done (Progress *progress)
{
  guint n = progress->done->len;

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (g_array_index (progress->total, gint64, i), >, 0);
      g_assert_cmpint (g_array_index (progress->total, gint64, i), ==,
                       g_array_index (progress->total, gint64, 0));
      if (i > 0)
        g_assert_cmpint (g_array_index (progress->done, gint64, i), >,
                         g_array_index (progress->done, gint64, i - 1));
    }
  g_assert_cmpint (g_array_index (progress->done, gint64, n - 1), ==,
                   g_array_index (progress->total, gint64, n - 1));
}

static void
test_upload_download (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) config = json_object_new ();
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(JsonObject) restored = NULL;
  g_autoptr(GError) error = NULL;
  Progress upload, download;

  insert (fixture, "shipped");
  id = create_backup (fixture, "offsite");
  json_object_set_object_member (config, "local", json_object_new ());
  json_object_set_string_member (json_object_get_object_member (config, "local"), "type", "local");

  progress_init (&upload);
  arango_database_upload_backup_async (fixture->database, id, REPOSITORY, config,
                                       on_progress, &upload, NULL, NULL, READY);
  g_assert_true (arango_database_upload_backup_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  assert_progress_to_done (&upload);
  progress_clear (&upload);

  /* Gone locally, then back from the repository. */
  g_assert_true (arango_database_delete_backup_sync (fixture->database, id, NULL, &error));
  g_assert_no_error (error);
  progress_init (&download);
  g_assert_true (arango_database_download_backup_sync (fixture->database, id, REPOSITORY, config,
                                                       on_progress, &download, NULL, &error));
  g_assert_no_error (error);
  assert_progress_to_done (&download);
  progress_clear (&download);

  list = list_backups (fixture);
  g_assert_true (json_object_has_member (list, id));

  arango_collection_delete_async (fixture->items, "shipped", NULL, 0, NULL, READY);
  g_clear_pointer (&restored, json_object_unref);
  restored = arango_collection_delete_finish (fixture->items, WAIT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&restored, json_object_unref);
  restored = arango_database_restore_backup_sync (fixture->database, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_item (fixture, "shipped"));

  /* Another repository does not have it. */
  g_assert_false (arango_database_download_backup_sync (fixture->database, id, "local://elsewhere",
                                                        NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP);
}

/* Cancelling stops the upload on the server too: the repository never
 * gets the backup. */
static void
test_cancel_upload (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *id = create_backup (fixture, "unfinished");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress;

  progress_init (&progress);
  progress.cancel_at_first = cancellable;
  arango_database_upload_backup_async (fixture->database, id, REPOSITORY, NULL,
                                       on_progress, &progress, NULL, cancellable, READY);
  g_assert_false (arango_database_upload_backup_finish (fixture->database, WAIT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.done->len, ==, 1);
  progress_clear (&progress);

  g_assert_true (arango_database_delete_backup_sync (fixture->database, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_database_download_backup_sync (fixture->database, id, REPOSITORY,
                                                        NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP);
}

static gpointer
cancel_soon (gpointer cancellable)
{
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* Cancelled from another thread, most likely while the transfer waits
 * between two status requests. */
static void
test_cancel_from_thread (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *id = create_backup (fixture, "cancelled-elsewhere");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GThread *canceller = g_thread_new ("canceller", cancel_soon, cancellable);

  arango_database_upload_backup_async (fixture->database, id, REPOSITORY, NULL,
                                       NULL, NULL, NULL, cancellable, READY);
  g_assert_false (arango_database_upload_backup_finish (fixture->database, WAIT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (canceller);
}

static void
free_counter (gpointer data)
{
  (*(guint *) data)++;
}

/* The progress data is freed once the transfer is over. */
static void
test_progress_data_freed (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *id = create_backup (fixture, "freed");
  g_autoptr(GError) error = NULL;
  guint freed = 0;

  arango_database_upload_backup_async (fixture->database, id, REPOSITORY, NULL,
                                       NULL, &freed, free_counter, NULL, READY);
  g_assert_true (arango_database_upload_backup_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  test_async_clear (&fixture->async);
  g_assert_cmpuint (freed, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/backups/create-and-list", test_create_and_list);
  ADD ("/backups/restore", test_restore);
  ADD ("/backups/delete", test_delete);
  ADD ("/backups/invalid-arguments", test_invalid_arguments);
  ADD ("/backups/upload-download", test_upload_download);
  ADD ("/backups/cancel-upload", test_cancel_upload);
  ADD ("/backups/cancel-from-thread", test_cancel_from_thread);
  ADD ("/backups/progress-data-freed", test_progress_data_freed);

#undef ADD

  return g_test_run ();
}
