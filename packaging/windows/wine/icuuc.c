/* Stand-in for Windows' icuuc.dll, for the Wine test prefix only (never shipped).
 *
 * Qt 6 for Windows links its text-codec code against the ICU that Windows 10
 * (1903+) ships as icuuc.dll; Wine 8 has none, so Qt6Core.dll would not load.
 * Desk reads and writes UTF-8 only, which Qt converts without ICU. These are
 * the ucnv_* functions Qt6Core imports; opening any converter fails with
 * U_FILE_ACCESS_ERROR, so Qt reports legacy codecs as unavailable, exactly as
 * on a system without the converter data. See README.md.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef struct UConverter UConverter;
#define U_FILE_ACCESS_ERROR 4

static void fail(UErrorCode *error)
{
    if (error && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
}

UConverter *ucnv_open(const char *name, UErrorCode *error) { (void)name; fail(error); return NULL; }
void ucnv_close(UConverter *converter) { (void)converter; }
void ucnv_reset(UConverter *converter) { (void)converter; }
int8_t ucnv_getMaxCharSize(const UConverter *converter) { (void)converter; return 1; }
const char *ucnv_getName(const UConverter *converter, UErrorCode *error)
{ (void)converter; fail(error); return NULL; }
void ucnv_getToUCallBack(const UConverter *c, void **action, const void **context)
{ (void)c; if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_getFromUCallBack(const UConverter *c, void **action, const void **context)
{ (void)c; if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_setToUCallBack(UConverter *c, void *action, const void *context, void **old_action,
                         const void **old_context, UErrorCode *error)
{ (void)c; (void)action; (void)context; (void)old_action; (void)old_context; fail(error); }
void ucnv_setFromUCallBack(UConverter *c, void *action, const void *context, void **old_action,
                           const void **old_context, UErrorCode *error)
{ (void)c; (void)action; (void)context; (void)old_action; (void)old_context; fail(error); }
void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                           UErrorCode *error)
{ (void)args; (void)source; (void)length; (void)offset; fail(error); }
void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit,
                             int32_t offset, UErrorCode *error)
{ (void)args; (void)source; (void)limit; (void)offset; fail(error); }
void ucnv_toUnicode(UConverter *c, UChar **target, const UChar *target_limit,
                    const char **source, const char *source_limit, int32_t *offsets,
                    int8_t flush, UErrorCode *error)
{ (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; fail(error); }
void ucnv_fromUnicode(UConverter *c, char **target, const char *target_limit,
                      const UChar **source, const UChar *source_limit, int32_t *offsets,
                      int8_t flush, UErrorCode *error)
{ (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; fail(error); }
int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *error) { (void)c; fail(error); return 0; }
int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *error) { (void)c; fail(error); return 0; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error)
{ (void)name; (void)standard; fail(error); return NULL; }
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
int32_t ucnv_countAvailable(void) { return 0; }
/* The callbacks Qt installs: never called, since no converter ever opens. */
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
