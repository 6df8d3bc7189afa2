/* Stand-in for Windows' bcryptprimitives.dll, for the Wine test prefix only (never shipped).
 *
 * Wine 8 has no bcryptprimitives.dll; the Rust standard library in the
 * `tokenizers` wheel (faster-whisper) imports ProcessPrng from it, which
 * Windows 10+ provides. This one fills the buffer from RtlGenRandom
 * (advapi32!SystemFunction036), the same system generator. See README.md.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE; /* Windows documents ProcessPrng as always succeeding */
}
