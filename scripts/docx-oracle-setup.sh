#!/usr/bin/env bash
# docx-oracle-setup.sh — install (idempotently) the real word processor the .docx tests read files from:
# LibreOffice Writer without a GUI (Debian libreoffice-writer-nogui) and the CJK fonts its text export and PDF
# rendering need. test/input/docx-libreoffice.test.ts converts its fixtures with it and uses LibreOffice's own text
# export as the independent oracle for the numbering the reader renders. Debian's apt only; nothing else fetched.
set -euo pipefail
log() { printf '[docx-oracle-setup] %s\n' "$*" >&2; }
NEEDED=()
command -v soffice >/dev/null 2>&1 || NEEDED+=(libreoffice-writer-nogui)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || NEEDED+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || NEEDED+=(poppler-utils)
if [ ${#NEEDED[@]} -eq 0 ]; then
  log "LibreOffice ($(soffice --version 2>/dev/null | head -1)), CJK fonts and poppler-utils present — skipping"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  log "missing ${NEEDED[*]}; install them with: sudo apt-get install -y --no-install-recommends ${NEEDED[*]}"
  exit 1
fi
log "apt: installing ${NEEDED[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${NEEDED[@]}" >/dev/null
log "apt: done ($(soffice --version | head -1))"
