/* emulator-search-defaults.c: the ArangoSearch defaults that differ
 * between releases
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Recorded (RestViewPostViewArangoSearch_single.json and
 * RestIndexCreateNewInverted_single.json of each docs version):
 * optimizeTopK is there from 3.12.0 (a 3.12.0 nightly, 4.x/) on, not in
 * 3.10 and 3.11. Consolidation runs every 1000 ms with the tier policy's
 * segment counts and byte floor up to 3.12.0, every 5000 ms with skew and
 * deletion thresholds in 3.12.10 (3.12/); the releases in between are not
 * recorded: the emulator gives them the newer defaults.
 */

#include "emulator-search-defaults.h"

static gboolean
has_skew_consolidation (EmuState *state)
{
  return emu_state_version_at_least (state, 3, 12, 1);
}

gboolean
emu_search_has_optimize_top_k (EmuState *state)
{
  return emu_state_version_at_least (state, 3, 12, 0);
}

gint64
emu_search_consolidation_interval (EmuState *state)
{
  return has_skew_consolidation (state) ? 5000 : 1000;
}

/* A new object of the default consolidation policy. */
JsonObject *
emu_search_consolidation_policy (EmuState *state)
{
  JsonObject *policy = json_object_new ();

  json_object_set_string_member (policy, "type", "tier");
  if (has_skew_consolidation (state))
    {
      json_object_set_int_member (policy, "segmentsBytesMax", G_GINT64_CONSTANT (8589934592));
      json_object_set_double_member (policy, "maxSkewThreshold", 0.4);
      json_object_set_double_member (policy, "minDeletionRatio", 0.5);
    }
  else
    {
      json_object_set_int_member (policy, "segmentsBytesFloor", 2097152);
      json_object_set_int_member (policy, "segmentsBytesMax", G_GINT64_CONSTANT (5368709120));
      json_object_set_int_member (policy, "segmentsMax", 10);
      json_object_set_int_member (policy, "segmentsMin", 1);
      json_object_set_int_member (policy, "minScore", 0);
    }
  return policy;
}
