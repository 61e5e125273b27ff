/* emulator-index-def.h: the indexes of a collection, and unique constraints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"
#include "emulator-store.h"

G_BEGIN_DECLS

struct _EmuIndex {
  char        *id;           /* the number after "collection/" */
  char        *name;
  char        *type;         /* persistent, ttl, geo, fulltext, inverted, mdi, mdi-prefixed */
  gboolean     unique;
  gboolean     sparse;
  char       **fields;       /* attribute paths ("a.b") the index covers */
  JsonObject  *definition;   /* every attribute of the description but "id" */
};

EmuIndex   *emu_index_new               (EmuState      *state,
                                         JsonObject    *request,
                                         int           *error_num,
                                         char         **message);
void        emu_index_free              (EmuIndex      *index);
EmuIndex   *emu_index_copy              (EmuIndex      *index);
gboolean    emu_index_same_as           (EmuIndex      *index,
                                         EmuIndex      *other);
JsonNode   *emu_index_describe          (EmuIndex      *index,
                                         EmuCollection *collection,
                                         int            newly_created);

void        emu_index_copy_member       (JsonObject    *to,
                                         JsonObject    *from,
                                         const char    *name,
                                         JsonNode      *fallback);
void        emu_index_describe_inverted (EmuState      *state,
                                         JsonObject    *definition,
                                         JsonObject    *request);

JsonArray  *emu_collection_describe_indexes (EmuCollection *collection);
JsonNode   *emu_collection_describe_index   (EmuCollection *collection,
                                             const char    *id);
EmuIndex   *emu_collection_find_index       (EmuCollection *collection,
                                             const char    *id_or_name);

char       *emu_index_check_unique      (EmuView       *view,
                                         EmuCollection *collection,
                                         JsonObject    *document,
                                         const char    *skip_key);
char       *emu_index_unique_message    (const char    *name,
                                         const char    *type,
                                         char         **fields,
                                         const char    *conflicting_key);
JsonNode   *emu_json_get_path           (JsonObject    *object,
                                         const char    *path);

G_END_DECLS
