#!/usr/bin/env bash
# build.sh OUT: build a custom golangci-lint v2 with the syncfix plugin at
# OUT, from this checkout, the way "golangci-lint custom" does, but from
# the Go module proxy instead of a git clone of golangci-lint.
#
#   rewrite/golangci/build.sh "$(go env GOPATH)/bin/custom-gcl"
#   cd testdata/seed && "$(go env GOPATH)/bin/custom-gcl" run -c ../../rewrite/golangci/golangci.yml --fix ./...
set -euo pipefail
out=${1:?usage: build.sh OUT}
version=v2.15.0 # as in .custom-gcl.yml
root=$(cd "$(dirname "$0")/../.." && pwd)
case $out in /*) ;; *) out=$PWD/$out ;; esac

src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[[ -d $src ]] || { echo "build.sh: golangci-lint $version not in the module cache" >&2; exit 2; }
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r "$src/." "$work"
chmod -R u+w "$work"
cat >"$work/cmd/golangci-lint/plugins.go" <<'GO'
package main

// The syncfix plugin registers its linter in init.
import _ "github.com/syncfix/syncfix/rewrite/golangci"
GO
cd "$work"
go mod edit \
	-require github.com/syncfix/syncfix/rewrite/golangci@v0.0.0 \
	-replace "github.com/syncfix/syncfix/rewrite/golangci=$root/rewrite/golangci" \
	-require github.com/syncfix/syncfix@v0.0.0 \
	-replace "github.com/syncfix/syncfix=$root"
GOFLAGS=-mod=mod go build -trimpath -o "$out" ./cmd/golangci-lint
echo "build.sh: built $out"
