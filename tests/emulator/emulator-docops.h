/* emulator-docops.h: inserting, updating, replacing and removing one
 * document, as the document API, the import API and AQL share them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"
#include "emulator-store.h"

G_BEGIN_DECLS

typedef enum {
  EMU_OVERWRITE_NONE,       /* an existing key is a unique constraint violation */
  EMU_OVERWRITE_IGNORE,
  EMU_OVERWRITE_REPLACE,
  EMU_OVERWRITE_UPDATE,
  EMU_OVERWRITE_CONFLICT,
} EmuOverwriteMode;

typedef struct {
  gboolean         return_new;
  gboolean         return_old;
  gboolean         keep_null;       /* default TRUE */
  gboolean         merge_objects;   /* default TRUE */
  gboolean         ignore_revs;     /* default TRUE: "_rev" in the input is no precondition */
  EmuOverwriteMode overwrite_mode;
} EmuDocOptions;

typedef struct {
  int          error_num;   /* 0 on success */
  char        *message;     /* NULL: the default text of error_num */
  EmuDocument *current;     /* error 1200: the stored document */
  JsonNode    *result;      /* success: _id, _key, _rev [, _oldRev] [, old] [, new] */
  char        *key;         /* success: the document's key */
  char        *rev;         /* success: its revision (removed: the old one) */
  gboolean     written;     /* a write happened (overwriteMode ignore may skip it) */
} EmuDocResult;

void         emu_doc_options_init  (EmuDocOptions *options);
void         emu_doc_result_clear  (EmuDocResult  *result);
const char  *emu_doc_result_message (EmuDocResult *result);

gboolean     emu_doc_key_is_valid  (const char    *key);
char        *emu_doc_input_key     (EmuCollection *collection,
                                    JsonNode      *input,
                                    int           *error_num);

void         emu_doc_insert        (EmuState            *state,
                                    EmuView             *view,
                                    EmuCollection       *collection,
                                    JsonNode            *input,
                                    const EmuDocOptions *options,
                                    EmuDocResult        *result);
void         emu_doc_modify        (EmuState            *state,
                                    EmuView             *view,
                                    EmuCollection       *collection,
                                    const char          *key,
                                    JsonNode            *input,
                                    gboolean             replace,
                                    const char          *if_match,
                                    const EmuDocOptions *options,
                                    EmuDocResult        *result);
void         emu_doc_remove        (EmuState            *state,
                                    EmuView             *view,
                                    EmuCollection       *collection,
                                    const char          *key,
                                    JsonNode            *input,
                                    const char          *if_match,
                                    const EmuDocOptions *options,
                                    EmuDocResult        *result);

G_END_DECLS
