/* test-server-errors.c: the names of ArangoServerError are ArangoDB's,
 * with ArangoDB's numbers, and doc/errors.md quotes them right
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>
#include <string.h>

#include <arango-glib/arango-glib.h>

/* Values named before the names were checked, shorter than ArangoDB's
 * (the public names stay): the value's name and the one errors.tsv gives. */
static const struct
{
  const char *ours;
  const char *arangodb;
} abbreviated[] = {
  { "GRAPH_MALFORMED_EDGE_DEFINITION", "ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION" },
  { "GRAPH_VERTEX_COLLECTION_NOT_FOUND", "ERROR_GRAPH_VERTEX_COL_DOES_NOT_EXIST" },
  { "GRAPH_COLLECTION_USED_IN_EDGE_DEFINITION", "ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEF" },
  { "GRAPH_EDGE_COLLECTION_NOT_FOUND", "ERROR_GRAPH_EDGE_COL_DOES_NOT_EXIST" },
};

#define PREFIX "ARANGO_SERVER_ERROR_"

/* errors.tsv, number → ArangoDB's name; NULL when the shared folder is
 * not there. */
static GHashTable *
load_error_names (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "arango-api",
                                                 "errors.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *names;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  lines = g_strsplit (text, "\n", -1);
  /* The first line holds the column names. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (fields) < 2)
        continue;
      g_hash_table_insert (names, GINT_TO_POINTER (atoi (fields[1])), g_strdup (fields[0]));
    }
  return names;
}

static gboolean
is_abbreviated (const char *ours,
                const char *arangodb)
{
  for (guint i = 0; i < G_N_ELEMENTS (abbreviated); i++)
    if (g_str_equal (abbreviated[i].ours, ours))
      return g_str_equal (abbreviated[i].arangodb, arangodb);
  return FALSE;
}

/* TRI_ERROR_X and TRI_ERROR_ARANGO_X are both ARANGO_SERVER_ERROR_X. */
static void
test_names_and_numbers (void)
{
  g_autoptr(GHashTable) names = load_error_names ();
  g_autoptr(GEnumClass) enum_class = NULL;

  if (names == NULL)
    {
      g_test_skip ("no ../shared/arango-api/errors.tsv next to the project");
      return;
    }

  enum_class = g_type_class_ref (ARANGO_TYPE_SERVER_ERROR);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      const GEnumValue *value = &enum_class->values[i];
      const char *ours = value->value_name + strlen (PREFIX);
      const char *arangodb = g_hash_table_lookup (names, GINT_TO_POINTER (value->value));
      g_autofree char *plain = g_strconcat ("ERROR_", ours, NULL);
      g_autofree char *arango = g_strconcat ("ERROR_ARANGO_", ours, NULL);

      g_test_message ("%s = %d: %s", value->value_name, value->value, arangodb);
      g_assert_true (g_str_has_prefix (value->value_name, PREFIX));
      g_assert_nonnull (arangodb);
      g_assert_true (g_str_equal (arangodb, plain) || g_str_equal (arangodb, arango) ||
                     is_abbreviated (ours, arangodb));
    }
}

/* Every "`ARANGO_SERVER_ERROR_X` (N)" of doc/errors.md names a value
 * with that number. */
static void
test_documented (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "doc", "errors.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) quoted = g_regex_new ("`(" PREFIX "[A-Z0-9_]+)` \\((\\d+)\\)", 0, 0, &error);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (ARANGO_TYPE_SERVER_ERROR);
  guint found = 0;

  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  for (g_regex_match (quoted, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *number = g_match_info_fetch (match, 2);
      GEnumValue *value = g_enum_get_value_by_name (enum_class, name);

      g_test_message ("%s (%s)", name, number);
      g_assert_nonnull (value);
      g_assert_cmpint (value->value, ==, atoi (number));
      found++;
    }
  g_assert_cmpuint (found, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-errors/names-and-numbers", test_names_and_numbers);
  g_test_add_func ("/server-errors/documented", test_documented);

  return g_test_run ();
}
