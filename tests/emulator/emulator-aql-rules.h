/* emulator-aql-rules.h: the optimizer rules of each ArangoDB release
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

typedef enum {
  EMU_AQL_RULE_HIDDEN                      = 1 << 0,
  EMU_AQL_RULE_CLUSTER_ONLY                = 1 << 1,
  EMU_AQL_RULE_CAN_BE_DISABLED             = 1 << 2,
  EMU_AQL_RULE_CAN_CREATE_ADDITIONAL_PLANS = 1 << 3,
  EMU_AQL_RULE_DISABLED_BY_DEFAULT         = 1 << 4,
  EMU_AQL_RULE_ENTERPRISE_ONLY             = 1 << 5,
} EmuAqlRuleFlags;

#define EMU_RELEASE(major, minor, micro) (((major) << 16) | ((minor) << 8) | (micro))

typedef struct {
  const char *name;
  guint       flags;        /* EmuAqlRuleFlags */
  const char *description;
  guint       since;        /* EMU_RELEASE of the first release with it, 0: all before */
  guint       until;        /* EMU_RELEASE of the first release without it, 0: none */
} EmuAqlRule;

/* The rules of every release in the order the optimizer runs them (by
 * level); a rule whose flags or description changed is there once per
 * form.  emu_aql_rule_applies() says which are the rules of the release
 * @state answers as, and of a Coordinator only when @coordinator. */
const EmuAqlRule *emu_aql_rules        (guint            *n_rules);
gboolean          emu_aql_rule_applies (const EmuAqlRule *rule,
                                        EmuState         *state,
                                        gboolean          coordinator);
JsonNode         *emu_aql_rules_json   (EmuState         *state,
                                        gboolean          coordinator);

G_END_DECLS
