/* test-import-file.c: importing a file of JSON lines in chunks, with
 * progress, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>

#include "test-util.h"

#define N_LINES 4000

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *rows;
  char *directory;
  TestAsync async;
} Fixture;

typedef struct
{
  GArray *done;          /* goffset, one per report */
  goffset total;
  guint cancel_after;    /* 0: never */
  GCancellable *cancellable;
  gboolean freed;
} Progress;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (2, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->directory = g_dir_make_tmp ("arango-import-XXXXXX", &error);
  g_assert_no_error (error);

  arango_database_create_collection_async (fixture->database, "rows", NULL, NULL, READY);
  fixture->rows = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
remove_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  remove_directory (fixture->directory);
  g_free (fixture->directory);
  g_clear_object (&fixture->rows);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* N_LINES documents, some lines broken or empty as @bad_every says
 * (0: none), counted in @n_bad and @n_empty (nullable). Returns the
 * file; its size in @size. */
static GFile *
write_lines (Fixture  *fixture,
             guint     bad_every,
             guint    *n_bad,
             guint    *n_empty,
             goffset  *size)
{
  g_autofree char *path = g_build_filename (fixture->directory, "rows.jsonl", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint bad = 0;
  guint empty = 0;

  for (guint i = 0; i < N_LINES; i++)
    {
      if (bad_every > 0 && i % bad_every == 1)
        {
          g_string_append (text, "{\"_key\": \"broken\n");
          bad++;
        }
      else if (bad_every > 0 && i % bad_every == 2)
        {
          g_string_append (text, "\n");
          empty++;
        }
      else
        g_string_append_printf (text,
                                "{\"_key\":\"r%u\",\"n\":%u,\"padding\":\"%0120u\"}\n",
                                i, i, i);
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  if (n_bad)
    *n_bad = bad;
  if (n_empty)
    *n_empty = empty;
  *size = text->len;
  return g_file_new_for_path (path);
}

static void
on_progress (goffset  done,
             goffset  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->done, done);
  progress->total = total;
  if (progress->cancel_after > 0 && progress->done->len == progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

static void
progress_free (gpointer user_data)
{
  Progress *progress = user_data;

  progress->freed = TRUE;
}

static void
progress_init (Progress *progress)
{
  progress->done = g_array_new (FALSE, FALSE, sizeof (goffset));
  progress->total = -1;
}

static void
progress_clear (Progress *progress)
{
  g_array_unref (progress->done);
  g_clear_object (&progress->cancellable);
}

static gint64
count_rows (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  arango_collection_count_async (fixture->rows, NULL, READY);
  count = arango_collection_count_finish (fixture->rows, WAIT, &error);
  g_assert_no_error (error);
  return count;
}

static guint
import_requests (Fixture *fixture)
{
  return test_count_requests_to (fixture->emulator, 0, "POST", "/_api/import") +
         test_count_requests_to (fixture->emulator, 1, "POST", "/_api/import");
}

static void
test_import_with_progress (Fixture       *fixture,
                           gconstpointer  user_data)
{
  goffset size;
  g_autoptr(GFile) file = write_lines (fixture, 0, NULL, NULL, &size);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  g_assert_cmpint (size, >, 512 * 1024);
  progress_init (&progress);

  arango_collection_import_bulk_from_file_async (fixture->rows, file, 64 * 1024, NULL,
                                                 on_progress, &progress, progress_free,
                                                 NULL, READY);
  summary = arango_collection_import_bulk_from_file_finish (fixture->rows, WAIT, &error);
  g_assert_no_error (error);

  g_assert_cmpint (json_object_get_int_member (summary, "created"), ==, N_LINES);
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "empty"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "ignored"), ==, 0);
  g_assert_cmpint (count_rows (fixture), ==, N_LINES);

  /* Chunks of about 64 KiB: one report each, growing up to the size. */
  g_assert_cmpuint (progress.done->len, >=, size / (64 * 1024));
  g_assert_cmpuint (progress.done->len, <=, size / (64 * 1024) + 2);
  g_assert_cmpuint (import_requests (fixture), ==, progress.done->len);
  for (guint i = 1; i < progress.done->len; i++)
    g_assert_cmpint (g_array_index (progress.done, goffset, i), >, g_array_index (progress.done, goffset, i - 1));
  g_assert_cmpint (g_array_index (progress.done, goffset, progress.done->len - 1), ==, size);
  g_assert_cmpint (progress.total, ==, size);
  g_assert_true (progress.freed);

  progress_clear (&progress);
}

static void
test_import_bad_lines (Fixture       *fixture,
                       gconstpointer  user_data)
{
  guint n_bad, n_empty;
  goffset size;
  g_autoptr(GFile) file = write_lines (fixture, 100, &n_bad, &n_empty, &size);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(JsonObject) options = json_object_new ();
  g_autoptr(GError) error = NULL;
  guint n_good = N_LINES - n_bad - n_empty;

  json_object_set_boolean_member (options, "details", TRUE);
  summary = arango_collection_import_bulk_from_file_sync (fixture->rows, file, 100 * 1024,
                                                          options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_bad, >, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "created"), ==, n_good);
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, n_bad);
  g_assert_cmpint (json_object_get_int_member (summary, "empty"), ==, n_empty);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (summary, "details")), ==, n_bad);
  g_assert_cmpint (count_rows (fixture), ==, n_good);

  /* Again, updating: every good line is there already. */
  g_clear_pointer (&summary, json_object_unref);
  json_object_remove_member (options, "details");
  json_object_set_string_member (options, "onDuplicate", "update");
  summary = arango_collection_import_bulk_from_file_sync (fixture->rows, file, 0,
                                                          options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (summary, "created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "updated"), ==, n_good);
  g_assert_false (json_object_has_member (summary, "details"));
}

static void
test_import_long_line (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "long.jsonl", NULL);
  g_autofree char *padding = g_strnfill (10000, 'x');
  /* The last line has no newline. */
  g_autofree char *text = g_strdup_printf ("{\"_key\":\"a\"}\n{\"_key\":\"b\",\"p\":\"%s\"}\n{\"_key\":\"c\"}",
                                           padding);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  progress_init (&progress);

  summary = arango_collection_import_bulk_from_file_sync (fixture->rows, file, 1000, NULL,
                                                          on_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (summary, "created"), ==, 3);
  g_assert_cmpint (g_array_index (progress.done, goffset, progress.done->len - 1), ==, strlen (text));
  g_assert_false (progress.freed);
  progress_clear (&progress);
}

static void
test_import_missing_file (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "absent.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  progress_init (&progress);
  arango_collection_import_bulk_from_file_async (fixture->rows, file, 0, NULL,
                                                 on_progress, &progress, progress_free,
                                                 NULL, READY);
  summary = arango_collection_import_bulk_from_file_finish (fixture->rows, WAIT, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "absent.jsonl"));
  g_assert_cmpuint (progress.done->len, ==, 0);
  g_assert_true (progress.freed);
  g_assert_cmpuint (import_requests (fixture), ==, 0);
  progress_clear (&progress);
}

static void
test_import_missing_collection (Fixture       *fixture,
                                gconstpointer  user_data)
{
  goffset size;
  g_autoptr(GFile) file = write_lines (fixture, 0, NULL, NULL, &size);
  g_autoptr(ArangoCollection) gone = arango_database_get_collection (fixture->database, "gone");
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = arango_collection_import_bulk_from_file_sync (gone, file, 0, NULL, NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  /* It stopped at the first refusal. */
  g_assert_cmpuint (import_requests (fixture), ==, 1);
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  goffset size;
  g_autoptr(GFile) file = write_lines (fixture, 0, NULL, NULL, &size);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  gint64 imported;

  progress_init (&progress);
  progress.cancellable = g_cancellable_new ();
  progress.cancel_after = 3;

  arango_collection_import_bulk_from_file_async (fixture->rows, file, 64 * 1024, NULL,
                                                 on_progress, &progress, progress_free,
                                                 progress.cancellable, READY);
  summary = arango_collection_import_bulk_from_file_finish (fixture->rows, WAIT, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.done->len, ==, 3);
  g_assert_true (progress.freed);

  /* The chunks reported stay imported; nothing after them was sent. */
  imported = count_rows (fixture);
  g_assert_cmpint (imported, >, 0);
  g_assert_cmpint (imported, <, N_LINES);
  g_assert_cmpuint (import_requests (fixture), ==, 3);
  progress_clear (&progress);
}

static void
test_import_compressed (Fixture       *fixture,
                        gconstpointer  user_data)
{
  goffset size;
  g_autoptr(GFile) file = write_lines (fixture, 0, NULL, NULL, &size);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GError) error = NULL;

  arango_client_set_request_compression (fixture->client, 4096);
  summary = arango_collection_import_bulk_from_file_sync (fixture->rows, file, 256 * 1024,
                                                          NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (summary, "created"), ==, N_LINES);
  g_assert_cmpint (count_rows (fixture), ==, N_LINES);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-file/progress", Fixture, NULL,
              fixture_set_up, test_import_with_progress, fixture_tear_down);
  g_test_add ("/import-file/bad-lines", Fixture, NULL,
              fixture_set_up, test_import_bad_lines, fixture_tear_down);
  g_test_add ("/import-file/long-line", Fixture, NULL,
              fixture_set_up, test_import_long_line, fixture_tear_down);
  g_test_add ("/import-file/missing-file", Fixture, NULL,
              fixture_set_up, test_import_missing_file, fixture_tear_down);
  g_test_add ("/import-file/missing-collection", Fixture, NULL,
              fixture_set_up, test_import_missing_collection, fixture_tear_down);
  g_test_add ("/import-file/cancelled", Fixture, NULL,
              fixture_set_up, test_import_cancelled, fixture_tear_down);
  g_test_add ("/import-file/compressed", Fixture, NULL,
              fixture_set_up, test_import_compressed, fixture_tear_down);

  return g_test_run ();
}
