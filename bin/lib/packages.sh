# Sourced by bin/ scripts: installs Debian packages with apt-get (through sudo unless run as root).
#   install_packages PACKAGE ...     does nothing without a package
install_packages() {
  [ $# -gt 0 ] || return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" > /dev/null
}
