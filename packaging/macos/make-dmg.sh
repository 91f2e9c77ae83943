#!/bin/sh
# macOS: build "InduCCI Desktop.app" with the same spec, then a compressed disk image with an
# Applications shortcut. Runs on macOS only (hdiutil); the app is ad-hoc signed, not notarised.
#   sh packaging/macos/make-dmg.sh            → dist/InduCCI-Desktop-<version>.dmg
set -eu
cd "$(dirname "$0")/../.."
python packaging/build.py
version=$(python -c "import sys; sys.path.insert(0, 'src'); import inducci_desktop; print(inducci_desktop.__version__)")
app="dist/InduCCI Desktop.app"
test -d "$app"
codesign --force --deep --sign - "$app"
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "dist/InduCCI-Desktop-$version.dmg"
hdiutil create -volname "InduCCI Desktop" -srcfolder "$staging" -format UDZO -ov "dist/InduCCI-Desktop-$version.dmg"
rm -rf "$staging"
echo "dist/InduCCI-Desktop-$version.dmg"
