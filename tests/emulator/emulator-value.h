/* emulator-value.h: JSON values with AQL's comparison and conversion rules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* AQL's type order: null < bool < number < string < array < object. A
 * NULL JsonNode pointer counts as null. */
int       emu_value_type_rank  (JsonNode   *value);
int       emu_value_compare    (JsonNode   *a,
                                JsonNode   *b);
gboolean  emu_value_equal      (JsonNode   *a,
                                JsonNode   *b);
gboolean  emu_value_truthy     (JsonNode   *value);
gboolean  emu_value_is_number  (JsonNode   *value);
gdouble   emu_value_to_number  (JsonNode   *value);

JsonNode *emu_value_null       (void);
JsonNode *emu_value_boolean    (gboolean    value);
JsonNode *emu_value_int        (gint64      value);
JsonNode *emu_value_number     (gdouble     value);
JsonNode *emu_value_string     (const char *value);
JsonNode *emu_value_take_object (JsonObject *object);
JsonNode *emu_value_take_array  (JsonArray  *array);

G_END_DECLS
