/* fl-today.h: the whole day in one object, for `fresh-legs today` and scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "fl-journal.h"

G_BEGIN_DECLS

/* {"date": "YYYY-MM-DD", "profile": {"is_set": bool}, "hydration": {...}, …}
 * Every area adds its own section here, and only here. */
JsonNode *fl_today_build_json (FlJournal   *journal,
                               const GDate *date);
/* The same day in sentences, translated, for a terminal */
char     *fl_today_build_text (FlJournal   *journal,
                               const GDate *date);

G_END_DECLS
