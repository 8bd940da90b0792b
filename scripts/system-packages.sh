#!/usr/bin/env bash
# Installs the Debian packages the portal needs from the machine (used by `make run` and .ci/run):
# OCR, PDF and office conversion, audio/video tools, the font of the generated demo files, the
# browser of the browser tests, and the build tools. Installs only what is missing; with nothing
# missing it changes nothing and needs no root. Exits 1, naming the packages, when it cannot install.
set -euo pipefail

need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v tesseract >/dev/null 2>&1 || need_pkgs+=(tesseract-ocr tesseract-ocr-vie)
command -v pdftoppm >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
command -v ffprobe >/dev/null 2>&1 || need_pkgs+=(ffmpeg)
# LibreOffice headless: reporting prints XLSX to PDF; media turns DOCX/PPTX into PDF for previews.
for pkg in libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-impress-nogui; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_pkgs+=("$pkg")
done
command -v espeak-ng >/dev/null 2>&1 || need_pkgs+=(espeak-ng)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_pkgs+=(fonts-dejavu-core)  # media demo and test files
command -v pg_isready >/dev/null 2>&1 || need_pkgs+=(postgresql-client)
command -v make >/dev/null 2>&1 || need_pkgs+=(make)
command -v npm >/dev/null 2>&1 || need_pkgs+=(nodejs npm)
python3 -c "import ensurepip, venv" >/dev/null 2>&1 || need_pkgs+=(python3-venv)
[ ${#need_pkgs[@]} -eq 0 ] && exit 0

cannot_install() {
  echo "Cannot install the missing system packages ($1). Install them yourself:" >&2
  echo "  apt-get install --no-install-recommends ${need_pkgs[*]}" >&2
  exit 1
}
command -v apt-get >/dev/null 2>&1 || cannot_install "no apt-get: not a Debian or Ubuntu system"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  cannot_install "not root and no sudo"
fi
echo "Installing system packages: ${need_pkgs[*]}"
$SUDO apt-get update -qq || cannot_install "apt-get update failed"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" \
  || cannot_install "apt-get install failed"
