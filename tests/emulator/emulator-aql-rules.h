/* emulator-aql-rules.h: the optimizer rules of an ArangoDB 3.12 server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  EMU_AQL_RULE_HIDDEN                      = 1 << 0,
  EMU_AQL_RULE_CLUSTER_ONLY                = 1 << 1,
  EMU_AQL_RULE_CAN_BE_DISABLED             = 1 << 2,
  EMU_AQL_RULE_CAN_CREATE_ADDITIONAL_PLANS = 1 << 3,
  EMU_AQL_RULE_DISABLED_BY_DEFAULT         = 1 << 4,
  EMU_AQL_RULE_ENTERPRISE_ONLY             = 1 << 5,
} EmuAqlRuleFlags;

typedef struct {
  const char *name;
  guint       flags;        /* EmuAqlRuleFlags */
  const char *description;
} EmuAqlRule;

/* The rules in the order the optimizer runs them (by level); those of a
 * Coordinator only when @coordinator. */
const EmuAqlRule *emu_aql_rules        (guint      *n_rules);
gboolean          emu_aql_rule_applies (const EmuAqlRule *rule,
                                        gboolean          coordinator);
JsonNode         *emu_aql_rules_json   (gboolean    coordinator);

G_END_DECLS
