#!/usr/bin/env bash
# Desk.app -> Desk-<version>.dmg (drag-to-Applications), signed and notarized
# when credentials are provided.
#
#   packaging/macos/make_dmg.sh dist/Desk.app 0.1.0 dist
#
# Uses create-dmg (brew install create-dmg) when present, plain hdiutil otherwise.
# Notarization runs when APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD (an
# app-specific password) are set, and needs the app signed with a Developer ID
# (sign.sh with DESK_CODESIGN_IDENTITY); the ticket is stapled to the image.
set -euo pipefail
app=${1:?usage: make_dmg.sh path/to/Desk.app VERSION OUTPUT_DIR}
version=${2:?version missing}
out=${3:?output folder missing}
dmg="$out/Desk-$version.dmg"
identity=${DESK_CODESIGN_IDENTITY:--}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
rm -f "$dmg"

if command -v create-dmg >/dev/null 2>&1; then
  create-dmg --volname "Desk $version" --window-size 540 360 --icon-size 96 \
    --icon "Desk.app" 140 170 --app-drop-link 400 170 --no-internet-enable \
    "$dmg" "$stage"
else
  ln -s /Applications "$stage/Applications"
  hdiutil create -volname "Desk $version" -srcfolder "$stage" -ov -format UDZO "$dmg"
fi

if [ "$identity" != "-" ]; then
  codesign --force --sign "$identity" --timestamp "$dmg"
fi
if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
fi
echo "wrote $dmg"
