/* fuzz-json-variant.c: the GVariant reader and the deferring reader
 * against the reader that builds json-glib trees
 *
 * All three must accept the same texts, but for one exception: the
 * GVariant reader refuses texts nested more deeply than a GVariant can
 * be. Its output is trusted without a check, so it must be in normal
 * form, and it must read back through json_gvariant_serialize() as the
 * tree the first reader built. The deferring reader must build that tree
 * less its top-level "result", and the span it returns must read as that
 * member.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-json-private.h"
#include "fuzz-support.h"

static void
check_variant (const char *text,
               gsize       length,
               JsonNode   *tree)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) variant = arango_json_parse_variant (text, length, &error);
  g_autoptr(GVariant) untrusted = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(JsonNode) read_back = NULL;

  g_assert_true ((variant == NULL) == (error != NULL));
  if (tree == NULL || !fuzz_fits_in_gvariant (tree))
    g_assert_null (variant);
  if (variant == NULL)
    {
      g_assert_true (error->domain == JSON_PARSER_ERROR);
      /* Duplicate members can make the text nest more deeply than its
       * tree, so a refusal for depth is not checked against the tree. */
      if (tree != NULL)
        g_assert_true (fuzz_is_too_deep_error (error));
      return;
    }

  g_assert_false (g_variant_is_floating (variant));
  /* A trusted variant passes g_variant_is_normal_form() unchecked. */
  data = g_variant_get_data_as_bytes (variant);
  untrusted = g_variant_ref_sink (g_variant_new_from_bytes (g_variant_get_type (variant),
                                                            data, FALSE));
  g_assert_true (g_variant_is_normal_form (untrusted));

  read_back = json_gvariant_serialize (variant);
  fuzz_assert_same_json (tree, read_back);
}

/* Takes "result" out of @tree. */
static void
check_deferring (const char *text,
                 gsize       length,
                 JsonNode   *tree)
{
  g_autoptr(GError) error = NULL;
  gsize offset = 0, deferred_length = 0;
  g_autoptr(JsonNode) rest = arango_json_parse_deferring (text, length, "result",
                                                          &offset, &deferred_length, &error);
  g_autoptr(JsonNode) deferred = NULL;
  JsonNode *result;

  g_assert_true ((rest == NULL) == (error != NULL));
  g_assert_true ((rest == NULL) == (tree == NULL));
  if (rest == NULL)
    {
      g_assert_true (error->domain == JSON_PARSER_ERROR);
      return;
    }

  result = JSON_NODE_HOLDS_OBJECT (tree)
    ? json_object_get_member (json_node_get_object (tree), "result") : NULL;
  if (result == NULL)
    {
      g_assert_cmpuint (deferred_length, ==, 0);
      fuzz_assert_same_json (tree, rest);
      return;
    }

  g_assert_cmpuint (deferred_length, >, 0);
  g_assert_cmpuint (offset + deferred_length, <=, length);
  deferred = arango_json_parse (text + offset, deferred_length, &error);
  g_assert_no_error (error);
  fuzz_assert_same_json (result, deferred);

  json_object_remove_member (json_node_get_object (tree), "result");
  fuzz_assert_same_json (tree, rest);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tree = arango_json_parse (text, size, &error);

  g_assert_true ((tree == NULL) == (error != NULL));
  check_variant (text, size, tree);
  check_deferring (text, size, tree);
  return 0;
}
