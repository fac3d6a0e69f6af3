// Syncfix finds Go code that copies a sync.Map by value, and fixes it.
//
// Usage:
//
//	syncfix check [flags] [packages]
//	syncfix diff [flags] [packages]
//	syncfix fix [flags] [packages]
//	syncfix version
//
// A sync.Map must not be copied after first use. Before Go 1.24 a copy
// shared the original's internal map but not its mutex, and a Range over
// one while the other was written crashed the program with "fatal error:
// concurrent map iteration and map write", unseen by the race detector.
// Since Go 1.24 a copy of a used map silently aliases it. syncfix reports
// every such copy: assignments, arguments, returns, composite literal
// elements, channel sends, range variables, conversions, receivers,
// parameters and method values, of a sync.Map or of any value that holds
// one (a struct field, an array element, a defined type). It also reports
// resets, a zero value assigned over a map in use (m = sync.Map{}): a
// data race that go vet misses, fixed as m.Clear().
//
// # Check
//
// Check loads and type-checks the packages named by the go list patterns
// (./... if none are given), together with their test files, and prints
// each copy in the form go vet uses:
//
//	path/file.go:LINE:COL: message
//
// sorted by file, line and column, with paths relative to the working
// directory. A copy in a file that a package shares with its test variant
// is printed once. Each message ends with the decision: "fix: ..." says
// what fix will do, "not fixed: ..." why it will not, and which position
// blocks it.
//
// The flags, which must come before the packages, are:
//
//	-C dir
//		Change to dir before doing anything, as go -C does: patterns are
//		resolved there, and printed paths are relative to it.
//	--tags tags
//		Build tags to satisfy, comma- or space-separated, as for go build.
//	--mod readonly|vendor|mod
//		The go command's -mod: mod ignores a vendor directory that does
//		not match go.mod. GOFLAGS=-mod=mod does the same.
//	--modfile file
//		Read file instead of go.mod, as for go build -modfile.
//	--tests=false
//		Skip test files and external test packages (checked by default).
//	--copies auto|clone|share
//		What to do with a copy passed to a function that writes to its
//		parameter: leave it to the user (auto, the default), give the
//		function a private copy (clone), or share the caller's map (share).
//	--closed-world
//		Every importer of the packages is loaded, so exported types and
//		functions may change.
//	--format text|json|sarif
//		How findings are printed: as text lines (the default), as one
//		JSON document with the findings and the fix as edits, or as a
//		SARIF 2.1.0 log for code scanning. The README documents both
//		schemas. Check, diff and fix print the same document, and their
//		exit codes do not depend on the format.
//	-v
//		Print progress on standard error, and report //syncfix:ignore
//		directives that silence nothing.
//
// Check exits 0 if it found no copy, 1 if it printed copies, and 2 on an
// error: a usage error, a package that fails to load, parse or
// type-check, or a pattern that matches no package. Errors go to
// standard error, one line per problem, each prefixed with "syncfix: ",
// and no findings are printed then: a program seen only in part is not
// checked.
//
// A //syncfix:ignore comment with a reason silences the findings of its
// line (or, on a line of its own, of the next line); one without a reason
// is itself a finding.
//
// # Diff
//
// Diff plans the fix for all the packages at once and prints it as a
// unified diff, with a/ and b/ prefixes and paths relative to the working
// directory, that git apply accepts; new files diff from /dev/null. A
// diff that changes files outside the working directory, which git apply
// cannot patch from there, names them relative to the root of the module
// or repository that holds them, and says so on standard error. The
// findings it cannot fix go to standard error. It exits 0 if there is
// nothing to change, 1 if it printed a diff, 2 on an error. It writes
// nothing.
//
// # Fix
//
// Fix applies the same change in place. The whole plan is computed and
// the result type-checked before the first write; each file is written
// through a temporary file renamed over it, with its mode kept, and no
// file is written if one changed on disk since it was read. Fix prints
// the findings it could not fix, each with the reason, and exits 0 if
// none is left, 1 if some are, 2 on an error. On standard error it prints
// the findings it fixed, each with what the fix did, even when none is
// left: some fixes change what the program does ("copies of T now share
// one map").
//
// # Version
//
// Version prints the module version syncfix was built from, as recorded
// by go install, or "(devel)" for a build from a source tree.
//
// # Go vet
//
// The detector is also an analysis.Analyzer (package detect), and the
// syncfix binary speaks the go vet protocol, so that
//
//	go vet -vettool=$(command -v syncfix) ./...
//
// reports the same copies as syncfix check, in go vet's format.
//
// # Examples
//
// Check the module in the current directory, tests included:
//
//	syncfix check
//
// Check the example module that ships with syncfix, from the root of its
// repository:
//
//	$ syncfix check -C testdata/seed
//	copy/main.go:28:7: assignment copies sync.Map value m to n
//	$ echo $?
//	1
//
// Check one package, with the files that need the integration build tag
// but without the tests:
//
//	syncfix check --tags=integration --tests=false ./internal/cache
//
// Preview the fix of a whole module, then apply it:
//
//	syncfix diff ./... | less
//	syncfix fix ./...
package main
