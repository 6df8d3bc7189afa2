#!/usr/bin/env bash
# Sign Desk.app: every bundled Mach-O (Python extensions, Qt, libvlc, each VLC
# plugin, ffmpeg), innermost first, then the app itself.
#
#   packaging/macos/sign.sh dist/Desk.app
#
# Without $DESK_CODESIGN_IDENTITY the signature is ad hoc ("-"): enough for
# Apple silicon to run it on the build machine, not for Gatekeeper elsewhere.
# With a "Developer ID Application: ..." identity it signs with the hardened
# runtime, a secure timestamp and packaging/macos/entitlements.plist, ready
# for notarization (make_dmg.sh notarizes the disk image).
set -euo pipefail
app=${1:?usage: sign.sh path/to/Desk.app}
here=$(cd "$(dirname "$0")" && pwd)
identity=${DESK_CODESIGN_IDENTITY:--}
entitlements=${DESK_ENTITLEMENTS:-$here/entitlements.plist}

if [ "$identity" = "-" ]; then
  flags=(--force --sign -)
else
  flags=(--force --sign "$identity" --timestamp --options runtime --entitlements "$entitlements")
fi

# Deepest paths first, so a container is signed after what it contains.
while IFS= read -r file; do
  if file -b "$file" | grep -q "Mach-O"; then
    codesign "${flags[@]}" "$file"
  fi
done < <(find "$app/Contents" -type f ! -path "*/_CodeSignature/*" | awk '{ print gsub("/", "/"), $0 }' | sort -rn | cut -d" " -f2-)

codesign "${flags[@]}" "$app"
codesign --verify --deep --strict --verbose=2 "$app"
echo "signed $app with ${identity}"
